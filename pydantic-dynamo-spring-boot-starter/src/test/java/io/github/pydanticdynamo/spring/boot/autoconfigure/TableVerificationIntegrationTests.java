package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.spring.boot.fixtures.app.FilmsApplication;
import io.github.pydanticdynamo.spring.boot.fixtures.validated.Rating;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Boots an application on the local engine (or a closed port) and checks its tables at start. */
class TableVerificationIntegrationTests {
  private static final LocalDynamoDb db = LocalDynamoDb.shared();

  private static SpringApplicationBuilder application(String endpoint, String... properties) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "spring.cloud.aws.region.static=us-east-1",
                "spring.cloud.aws.credentials.access-key=local",
                "spring.cloud.aws.credentials.secret-key=local",
                "spring.cloud.aws.dynamodb.endpoint=" + endpoint,
                "pydantic-dynamo.partition-prefix=films",
                "management.endpoint.health.show-details=always",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN"));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(FilmsApplication.class)
        .web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new));
  }

  private static FailureAnalysis failedStart(SpringApplicationBuilder application) {
    Throwable failure = catchThrowable(application::run);
    assertThat(failure).isNotNull();
    FailureAnalysis analysis = StartupFailures.analyze(failure);
    assertThat(analysis).as("analysis of %s", failure).isNotNull();
    return analysis;
  }

  @Test
  void aMissingTableStopsTheApplication() {
    TestTable actors = db.createTable(TableLayout.of("PK", "SK").createTableRequest(unique()));
    String missing = unique();
    FailureAnalysis analysis =
        failedStart(
            application(
                db.endpoint().toString(),
                "pydantic-dynamo.table-name=" + actors.name(),
                "pydantic-dynamo.partition-key=PK",
                "pydantic-dynamo.sort-key=SK",
                "pydantic-dynamo.entities.rating.table-name=" + missing));
    assertThat(analysis.getDescription())
        .isEqualTo(
            "DynamoDB table '"
                + missing
                + "' of @DynamoEntity Rating does not exist at "
                + db.endpoint()
                + " (region us-east-1).");
    assertThat(analysis.getAction())
        .isEqualTo(
            "Create table '"
                + missing
                + "' with partition key PK (S), sort key SK (S), or point Rating at an existing"
                + " table (pydantic-dynamo.entities.rating.table-name). For development,"
                + " pydantic-dynamo.create-tables=true creates it at start-up.");
  }

  @Test
  void wrongKeyNamesStopTheApplicationBeforeTheFirstPut() {
    TestTable table = db.createTable(TableLayout.of("pk", "sk").createTableRequest(unique()));
    FailureAnalysis analysis =
        failedStart(
            application(db.endpoint().toString(), "pydantic-dynamo.table-name=" + table.name()));
    assertThat(analysis.getDescription())
        .isEqualTo(
            "DynamoDB table '"
                + table.name()
                + "' has partition key pk (S), sort key sk (S), but @DynamoEntity ActorReview,"
                + " FilmActor and Rating expect partition key _table_item_id (S), sort key"
                + " _table_content_id (S) (pydantic-dynamo.partition-key and"
                + " pydantic-dynamo.sort-key).");
    assertThat(analysis.getAction())
        .startsWith(
            "Set pydantic-dynamo.partition-key and pydantic-dynamo.sort-key to pk and sk to match"
                + " the table");
  }

  @Test
  void anEntityWithItsOwnKeysWorksOnASecondTableWithOtherKeyNames() {
    TestTable shared = db.createTable(TableLayout.of("PK", "SK").createTableRequest(unique()));
    TestTable ratings =
        db.createTable(TableLayout.of("rating_pk", "rating_sk").createTableRequest(unique()));
    try (ConfigurableApplicationContext app =
        application(
                db.endpoint().toString(),
                "pydantic-dynamo.table-name=" + shared.name(),
                "pydantic-dynamo.partition-key=PK",
                "pydantic-dynamo.sort-key=SK",
                "pydantic-dynamo.entities.rating.table-name=" + ratings.name(),
                "pydantic-dynamo.entities.rating.partition-key=rating_pk",
                "pydantic-dynamo.entities.rating.sort-key=rating_sk")
            .run()) {
      @SuppressWarnings("unchecked")
      DynamoRepository<Rating> repository =
          (DynamoRepository<Rating>) app.getBean("ratingDynamoRepository");
      assertThat(repository.settings().partitionKey()).isEqualTo("rating_pk");
      repository.put(PartitionedContent.of(List.of("f1"), List.of("r1"), new Rating("Heat", 9)));
      assertThat(repository.getItem(List.of("f1"), List.of("r1"))).contains(new Rating("Heat", 9));
      Map<String, AttributeValue> raw = ratings.scanAll().get(0);
      assertThat(raw.get("rating_pk").s()).isEqualTo("films#Rating#f1");
      assertThat(raw.get("rating_sk").s()).isEqualTo("Rating#r1");

      CompositeHealthContributor health =
          app.getBean("pydanticDynamoHealthContributor", CompositeHealthContributor.class);
      for (TestTable table : List.of(shared, ratings)) {
        Health tableHealth = ((HealthIndicator) health.getContributor(table.name())).health();
        assertThat(tableHealth.getStatus()).isEqualTo(Status.UP);
        assertThat(tableHealth.getDetails())
            .containsEntry("partitionKey", table.partitionKey())
            .containsEntry("sortKey", table.sortKey());
      }
    }
  }

  @Test
  void createTablesMakesAnEntitysTableWithItsOwnKeys() {
    String actors = unique();
    String ratings = unique();
    try (ConfigurableApplicationContext app =
        application(
                db.endpoint().toString(),
                "pydantic-dynamo.create-tables=true",
                "pydantic-dynamo.table-name=" + actors,
                "pydantic-dynamo.entities.rating.table-name=" + ratings,
                "pydantic-dynamo.entities.rating.partition-key=rating_pk",
                "pydantic-dynamo.entities.rating.sort-key=rating_sk")
            .run()) {
      TableDescription created =
          db.client().describeTable(request -> request.tableName(ratings)).table();
      assertThat(TableLayout.of("rating_pk", "rating_sk").matches(created)).isTrue();
      TableDescription shared =
          db.client().describeTable(request -> request.tableName(actors)).table();
      assertThat(TableLayout.defaults().matches(shared)).isTrue();
      assertThat(app.getBean("ratingDynamoRepository")).isNotNull();
    }
  }

  @Test
  void anUnreachableEndpointStopsTheApplicationWithOneParagraph() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();
    long start = System.nanoTime();
    FailureAnalysis analysis =
        failedStart(
            application(closed, "pydantic-dynamo.table-name=app-table").sources(OneAttempt.class));
    assertThat(analysis.getDescription())
        .isEqualTo(
            "Could not reach DynamoDB at "
                + closed
                + " (region us-east-1) to check the tables 'app-table' of the @DynamoEntity types:"
                + " the connection was refused.")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    assertThat(analysis.getAction()).contains("spring.cloud.aws.dynamodb.endpoint");
    System.out.println(
        "MEASURE unreachable endpoint reported after "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
  }

  /** One attempt and a short timeout, so a failed connection is reported at once. */
  @Configuration(proxyBeanMethods = false)
  static class OneAttempt {
    @Bean
    DynamoDbAsyncClientCustomizer oneAttempt() {
      return builder ->
          builder.overrideConfiguration(
              builder.overrideConfiguration().toBuilder()
                  .retryStrategy(AwsRetryStrategy.doNotRetry())
                  .apiCallTimeout(Duration.ofSeconds(2))
                  .build());
    }
  }

  private static String unique() {
    return "verify-" + UUID.randomUUID();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
