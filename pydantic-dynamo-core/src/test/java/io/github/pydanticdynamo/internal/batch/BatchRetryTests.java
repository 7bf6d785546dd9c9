package io.github.pydanticdynamo.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.BatchSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class BatchRetryTests {
  private final BatchSettings settings =
      new BatchSettings(2, 4, Duration.ofMillis(10), Duration.ofMillis(50));

  @Test
  void delaysAreFullyJitteredUnderAnExponentialCap() {
    for (int i = 0; i < 2_000; i++) {
      assertThat(BatchRetry.delay(settings, 1)).isBetween(Duration.ZERO, Duration.ofMillis(10));
      assertThat(BatchRetry.delay(settings, 2)).isBetween(Duration.ZERO, Duration.ofMillis(20));
      assertThat(BatchRetry.delay(settings, 3)).isBetween(Duration.ZERO, Duration.ofMillis(40));
      assertThat(BatchRetry.delay(settings, 30)).isBetween(Duration.ZERO, Duration.ofMillis(50));
    }
  }

  @Test
  void retriesPendingWorkUntilTheAttemptsRunOut() {
    List<String> pending = List.of("a");
    assertThat(BatchRetry.decide(settings, 1, pending, null).kind())
        .isEqualTo(BatchRetry.Kind.RETRY);
    assertThat(BatchRetry.decide(settings, 3, pending, null).kind())
        .isEqualTo(BatchRetry.Kind.RETRY);
    BatchRetry.Decision<String> last = BatchRetry.decide(settings, 4, pending, null);
    assertThat(last.kind()).isEqualTo(BatchRetry.Kind.GIVE_UP);
    assertThat(last.pending()).containsExactly("a");
    assertThat(BatchRetry.decide(settings, 1, List.of(), null).kind())
        .isEqualTo(BatchRetry.Kind.DONE);
  }

  @Test
  void retriesThrottlingButGivesUpOnOtherErrorsAtOnce() {
    List<String> pending = List.of("a", "b");
    var throttled = ProvisionedThroughputExceededException.builder().message("slow down").build();
    assertThat(BatchRetry.decide(settings, 1, pending, throttled).kind())
        .isEqualTo(BatchRetry.Kind.RETRY);
    var throttling =
        DynamoDbException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
            .build();
    assertThat(BatchRetry.decide(settings, 1, pending, throttling).kind())
        .isEqualTo(BatchRetry.Kind.RETRY);
    var invalid =
        DynamoDbException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build())
            .build();
    BatchRetry.Decision<String> decision = BatchRetry.decide(settings, 1, pending, invalid);
    assertThat(decision.kind()).isEqualTo(BatchRetry.Kind.GIVE_UP);
    assertThat(decision.cause()).isSameAs(invalid);
    assertThat(decision.pending()).containsExactly("a", "b");
  }
}
