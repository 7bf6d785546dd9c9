package io.github.pydanticdynamo.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.internal.operations.ExactWrites.Failure;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Guard;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class ExactWritesTests {
  private static final Map<String, AttributeValue> STORED =
      Map.of(
          "PK", AttributeValue.fromS("p"),
          "_write_id", AttributeValue.fromS("uAAAAAAAAAAAAAAAAAAAAAA"),
          "_object_version", AttributeValue.fromN("3"),
          "_timestamp", AttributeValue.fromS("2026-01-01T00:00:00+00:00"));

  @Test
  void writeIdsAreAKindLetterAnd128RandomBits() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(ExactWrites.newWriteId(Kind.UPDATE));
    }
    assertThat(ids).hasSize(1000).allMatch(id -> id.matches("u[A-Za-z0-9_-]{22}"));
    assertThat(ExactWrites.newWriteId(Kind.CREATE)).startsWith("c");
    assertThat(ExactWrites.newWriteId(Kind.REPLACE)).startsWith("r");
  }

  @Test
  void failuresAreSortedByWhetherTheWriteMayHaveBeenApplied() {
    assertThat(ExactWrites.classify(ConditionalCheckFailedException.builder().build()))
        .isEqualTo(Failure.CONDITION);
    assertThat(
            ExactWrites.classify(
                new CompletionException(ConditionalCheckFailedException.builder().build())))
        .isEqualTo(Failure.CONDITION);
    assertThat(
            ExactWrites.classify(
                ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(
                        AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build())
                    .build()))
        .isEqualTo(Failure.NOT_APPLIED);
    assertThat(
            ExactWrites.classify(
                SdkClientException.create("connect", new ConnectException("refused"))))
        .isEqualTo(Failure.NOT_APPLIED);
    assertThat(
            ExactWrites.classify(
                SdkClientException.create("lost", new IOException("connection closed"))))
        .isEqualTo(Failure.UNKNOWN);
    assertThat(ExactWrites.classify(ApiCallAttemptTimeoutException.create(1000)))
        .isEqualTo(Failure.UNKNOWN);
    assertThat(ExactWrites.classify(InternalServerErrorException.builder().statusCode(500).build()))
        .isEqualTo(Failure.UNKNOWN);
    assertThat(ExactWrites.classify(DynamoDbException.builder().statusCode(400).build()))
        .isEqualTo(Failure.FINAL);
    assertThat(ExactWrites.classify(new IllegalStateException())).isEqualTo(Failure.FINAL);
  }

  @Test
  void theGuardPinsTheStoredStateOrItsAbsence() {
    Guard absent = Guard.of(null, "PK");
    assertThat(absent.expression()).isEqualTo("attribute_not_exists(#owk)");
    assertThat(absent.join(null, null, null).values()).isNull();

    Guard stored = Guard.of(STORED, "PK");
    assertThat(stored.expression())
        .isEqualTo("attribute_exists(#owk) AND #oww = :oww AND #owv = :owv AND #owt = :owt");
    assertThat(stored.join(null, null, null).values())
        .containsEntry(":owv", AttributeValue.fromN("3"))
        .containsEntry(":oww", STORED.get("_write_id"));

    Guard noWriteId = Guard.of(Map.of("PK", AttributeValue.fromS("p")), "PK");
    assertThat(noWriteId.expression())
        .isEqualTo(
            "attribute_exists(#owk) AND attribute_not_exists(#oww)"
                + " AND attribute_not_exists(#owv) AND attribute_not_exists(#owt)");
  }

  @Test
  void aGuardIsJoinedToTheRequestsOwnCondition() {
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName("t")
            .item(STORED)
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", "PK"))
            .build();
    PutItemRequest guarded = ExactWrites.guard(request, Guard.of(STORED, "PK"));
    assertThat(guarded.conditionExpression())
        .startsWith("(attribute_not_exists(#pk)) AND attribute_exists(#owk)");
    assertThat(guarded.expressionAttributeNames()).containsEntry("#pk", "PK").containsKey("#owt");
    assertThat(ExactWrites.guard(request, Guard.of(null, "PK")).hasExpressionAttributeValues())
        .isFalse();
  }

  @Test
  void statesAreTheSameWhenWriteIdVersionAndTimestampAre() {
    assertThat(ExactWrites.sameState(null, Map.of())).isTrue();
    assertThat(ExactWrites.sameState(STORED, null)).isFalse();
    assertThat(ExactWrites.sameState(STORED, Map.copyOf(STORED))).isTrue();
    Map<String, AttributeValue> moved = new java.util.HashMap<>(STORED);
    moved.put("_object_version", AttributeValue.fromN("4"));
    assertThat(ExactWrites.sameState(STORED, moved)).isFalse();
  }

  @Test
  void requestsAreSentWithoutTheSdksRetries() {
    PutItemRequest request = PutItemRequest.builder().tableName("t").build();
    assertThat(ExactWrites.withoutSdkRetries(request).overrideConfiguration())
        .hasValueSatisfying(c -> assertThat(c.plugins()).hasSize(1));
  }
}
