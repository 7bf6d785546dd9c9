package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.spring.boot.fixtures.many.ManyEntities;
import io.github.pydanticdynamo.spring.boot.health.TableStatusInterceptor;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The start-up check of the tables, with application context runners on the local engine: each
 * failure as Spring Boot reports it (every registered failure analyzer, in Boot's order).
 */
@ExtendWith(OutputCaptureExtension.class)
class TableVerificationTests {
  private static final LocalDynamoDb db = LocalDynamoDb.shared();
  private static final String DEFAULT_KEYS =
      "partition key _table_item_id (S), sort key _table_content_id (S)";

  /** The films package (ActorReview, FilmActor) on the local engine, with the check on. */
  static ApplicationContextRunner onEngine(String table) {
    return ContextRunners.runner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues(
            "spring.cloud.aws.dynamodb.endpoint=" + db.endpoint(),
            "pydantic-dynamo.verify-tables=true",
            "pydantic-dynamo.partition-prefix=films",
            "pydantic-dynamo.table-name=" + table);
  }

  /** Adds an interceptor to both clients of the context. */
  static ApplicationContextRunner intercepted(
      ApplicationContextRunner runner, ExecutionInterceptor interceptor) {
    return runner
        .withBean(
            "interceptAsync",
            DynamoDbAsyncClientCustomizer.class,
            () ->
                builder ->
                    builder.overrideConfiguration(
                        builder.overrideConfiguration().toBuilder()
                            .addExecutionInterceptor(interceptor)
                            .build()))
        .withBean(
            "interceptSync",
            DynamoDbClientCustomizer.class,
            () ->
                builder ->
                    builder.overrideConfiguration(
                        builder.overrideConfiguration().toBuilder()
                            .addExecutionInterceptor(interceptor)
                            .build()));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static String where() {
    return db.endpoint() + " (region us-east-1)";
  }

  @Test
  void anExistingTableWithTheKeysPassesWithOneDescribeTable() {
    TestTable table = db.createTable(TableLayout.defaults().createTableRequest(unique("ok")));
    DescribeTableCounter counter = new DescribeTableCounter();
    intercepted(onEngine(table.name()), counter)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(counter.tables()).containsExactly(table.name());
            });
  }

  @Test
  void aMissingTableStopsStartupNamingTableEntitiesAndTheFix() {
    String missing = unique("missing");
    StartupFailures.expect(
        onEngine(missing),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "DynamoDB table '"
                      + missing
                      + "' of @DynamoEntity ActorReview and FilmActor does not exist at "
                      + where()
                      + ".");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Create table '"
                      + missing
                      + "' with "
                      + DEFAULT_KEYS
                      + ", or point ActorReview and FilmActor at an existing table"
                      + " (pydantic-dynamo.table-name). For development,"
                      + " pydantic-dynamo.create-tables=true creates it at start-up.");
        });
  }

  @Test
  void otherKeyNamesStopStartupWithExpectedAndActualKeys() {
    TestTable table = db.createTable("pk", "sk");
    StartupFailures.expect(
        onEngine(table.name()),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "DynamoDB table '"
                      + table.name()
                      + "' has partition key pk (S), sort key sk (S), but @DynamoEntity"
                      + " ActorReview and FilmActor expect "
                      + DEFAULT_KEYS
                      + " (pydantic-dynamo.partition-key and pydantic-dynamo.sort-key).");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Set pydantic-dynamo.partition-key and pydantic-dynamo.sort-key to pk and sk"
                      + " to match the table (or, for one entity alone, its"
                      + " pydantic-dynamo.entities.<name>.partition-key and sort-key), or point"
                      + " ActorReview and FilmActor at a table with the expected keys"
                      + " (pydantic-dynamo.table-name). For development,"
                      + " pydantic-dynamo.create-tables=true creates missing tables with the"
                      + " configured keys.");
        });
  }

  @Test
  void aNumericSortKeyStopsStartupAskingForAnotherTable() {
    String name = unique("numeric");
    db.createTable(
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("_table_item_id")
                    .attributeType(ScalarAttributeType.S)
                    .build(),
                AttributeDefinition.builder()
                    .attributeName("_table_content_id")
                    .attributeType(ScalarAttributeType.N)
                    .build())
            .keySchema(
                KeySchemaElement.builder()
                    .attributeName("_table_item_id")
                    .keyType(KeyType.HASH)
                    .build(),
                KeySchemaElement.builder()
                    .attributeName("_table_content_id")
                    .keyType(KeyType.RANGE)
                    .build())
            .build());
    StartupFailures.expect(
        onEngine(name),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "DynamoDB table '"
                      + name
                      + "' has partition key _table_item_id (S), sort key _table_content_id (N),"
                      + " but @DynamoEntity ActorReview and FilmActor expect "
                      + DEFAULT_KEYS
                      + " (pydantic-dynamo.partition-key and pydantic-dynamo.sort-key).");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Point ActorReview and FilmActor at a table whose partition and sort keys are"
                      + " both strings (S) (pydantic-dynamo.table-name); the keys of table '"
                      + name
                      + "' cannot hold the composed keys. For development,"
                      + " pydantic-dynamo.create-tables=true creates missing tables with the"
                      + " configured keys.");
        });
  }

  @Test
  void aDeletingTableStopsStartupWithItsStatus() {
    TestTable table = db.createTable(TableLayout.defaults().createTableRequest(unique("going")));
    StartupFailures.expect(
        intercepted(onEngine(table.name()), new TableStatusInterceptor(TableStatus.DELETING)),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "DynamoDB table '"
                      + table.name()
                      + "' of @DynamoEntity ActorReview and FilmActor is DELETING, so the"
                      + " repositories cannot use it.");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Point ActorReview and FilmActor at a usable table (pydantic-dynamo.table-name),"
                      + " or restore table '"
                      + table.name()
                      + "'.");
        });
  }

  @Test
  void anUpdatingTableServesRequestsAndPasses() {
    TestTable table = db.createTable(TableLayout.defaults().createTableRequest(unique("updating")));
    intercepted(onEngine(table.name()), new TableStatusInterceptor(TableStatus.UPDATING))
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void anUnreachableEndpointStopsStartupInOneParagraphNamingEndpointAndProperties()
      throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();
    StartupFailures.expect(
        onEngine("app-table")
            .withPropertyValues("spring.cloud.aws.dynamodb.endpoint=" + closed)
            .withBean(
                "noRetries",
                DynamoDbAsyncClientCustomizer.class,
                () ->
                    builder ->
                        builder.overrideConfiguration(
                            builder.overrideConfiguration().toBuilder()
                                .retryStrategy(AwsRetryStrategy.doNotRetry())
                                .apiCallTimeout(Duration.ofSeconds(5))
                                .build())),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "Could not reach DynamoDB at "
                      + closed
                      + " (region us-east-1) to check the tables 'app-table' of the @DynamoEntity"
                      + " types: the connection was refused.")
              .doesNotContain("\n");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Check spring.cloud.aws.dynamodb.endpoint (or spring.cloud.aws.endpoint): the"
                      + " endpoint must be reachable from this host, or unset for AWS's own"
                      + " endpoint of the region; check spring.cloud.aws.dynamodb.region (or"
                      + " spring.cloud.aws.region.static) and the credentials"
                      + " (spring.cloud.aws.credentials.*). To start without the check, set"
                      + " pydantic-dynamo.verify-tables=false.");
        });
  }

  @Test
  void missingCredentialsStopStartupNamingTheProperties() {
    StartupFailures.expect(
        onEngine("app-table")
            .withBean(
                AwsCredentialsProvider.class,
                () ->
                    AwsCredentialsProviderChain.builder()
                        .credentialsProviders(SystemPropertyCredentialsProvider.create())
                        .build()),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "No AWS credentials were found to check the DynamoDB tables 'app-table' of the"
                      + " @DynamoEntity types at "
                      + where()
                      + ".");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Set spring.cloud.aws.credentials.access-key and"
                      + " spring.cloud.aws.credentials.secret-key (or"
                      + " spring.cloud.aws.credentials.profile.name), or give the application"
                      + " credentials the AWS default chain finds (AWS_ACCESS_KEY_ID and"
                      + " AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, or an instance or task role)."
                      + " To start without the check, set pydantic-dynamo.verify-tables=false.");
        });
  }

  @Test
  void accessDeniedOnDescribeTableStartsWithOneWarning(CapturedOutput output) {
    TestTable first = db.createTable(TableLayout.defaults().createTableRequest(unique("denied")));
    String second = unique("denied-too");
    intercepted(
            onEngine(first.name())
                .withPropertyValues("pydantic-dynamo.entities.film-actor.table-name=" + second),
            new AccessDeniedInterceptor())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasBean("filmActorDynamoRepository");
            });
    String warning =
        "Could not check the DynamoDB tables '"
            + first.name()
            + "', '"
            + second
            + "' at start-up: DescribeTable was denied (AccessDeniedException). Grant the"
            + " application dynamodb:DescribeTable on them to have them checked, or set"
            + " pydantic-dynamo.verify-tables=false; starting without the check.";
    assertThat(output.getOut().split("\n"))
        .filteredOn(line -> line.contains("DescribeTable was denied"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("WARN")
        .endsWith(warning);
  }

  @Test
  void twentyEntitiesOverThreeTablesAreCheckedWithThreeDescribeTableCalls() {
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tables.add(db.createTable(TableLayout.defaults().createTableRequest(unique("many"))).name());
    }
    List<String> properties = new ArrayList<>();
    properties.add("pydantic-dynamo.table-name=" + tables.get(0));
    for (int i = 8; i <= 20; i++) {
      properties.add(
          String.format(
              "pydantic-dynamo.entities.e%02d.table-name=%s", i, tables.get(i <= 14 ? 1 : 2)));
    }
    DescribeTableCounter counter = new DescribeTableCounter();
    intercepted(
            ContextRunners.runner()
                .withUserConfiguration(ManyPackage.class)
                .withPropertyValues(
                    "spring.cloud.aws.dynamodb.endpoint=" + db.endpoint(),
                    "pydantic-dynamo.verify-tables=true",
                    "pydantic-dynamo.partition-prefix=many")
                .withPropertyValues(properties.toArray(String[]::new)),
            counter)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(DynamoEntityCatalog.class).definitions()).hasSize(20);
              assertThat(counter.tables()).hasSize(3).containsExactlyInAnyOrderElementsOf(tables);
              System.out.println(
                  "MEASURE start-up check: 20 entities over 3 tables, "
                      + counter.tables().size()
                      + " DescribeTable calls");
            });
  }

  @Test
  void nothingIsDescribedWhenTheCheckIsOff() {
    DescribeTableCounter counter = new DescribeTableCounter();
    intercepted(
            onEngine(unique("unchecked")).withPropertyValues("pydantic-dynamo.verify-tables=false"),
            counter)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(counter.tables()).isEmpty();
            });
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = ManyEntities.class)
  static class ManyPackage {}
}
