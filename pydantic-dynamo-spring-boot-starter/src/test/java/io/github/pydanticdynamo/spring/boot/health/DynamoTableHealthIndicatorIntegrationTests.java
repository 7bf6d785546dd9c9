package io.github.pydanticdynamo.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The health of a real table, with the statuses DynamoDB reports while it changes. */
class DynamoTableHealthIndicatorIntegrationTests {
  private static final LocalDynamoDb db = LocalDynamoDb.shared();
  private static TestTable table;

  @BeforeAll
  static void createTable() {
    table =
        db.createTable(
            TableLayout.of("PK", "SK").createTableRequest("health-" + UUID.randomUUID()));
  }

  @AfterAll
  static void deleteTable() {
    table.delete();
  }

  @Test
  void anActiveTableWithTheKeysIsUp() {
    Health health =
        new DynamoTableHealthIndicator(db.client(), table.name(), TableLayout.of("PK", "SK"))
            .health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("table", table.name())
        .containsEntry("status", "ACTIVE")
        .containsEntry("partitionKey", "PK")
        .containsEntry("sortKey", "SK");
  }

  @ParameterizedTest
  @EnumSource(
      value = TableStatus.class,
      names = {"CREATING", "UPDATING"})
  void aTableBeingCreatedOrUpdatedIsOutOfServiceWithItsStatus(TableStatus status) {
    Health health = healthWhile(status);
    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(health.getDetails())
        .containsEntry("status", status.toString())
        .containsEntry("reason", "table '" + table.name() + "' is " + status + ", not ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(
      value = TableStatus.class,
      names = {"DELETING", "ARCHIVING", "ARCHIVED", "INACCESSIBLE_ENCRYPTION_CREDENTIALS"})
  void aTableGoingAwayOrArchivedIsDownWithItsStatus(TableStatus status) {
    Health health = healthWhile(status);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("status", status.toString())
        .containsEntry("reason", "table '" + table.name() + "' is " + status + ", not ACTIVE");
  }

  @Test
  void otherKeyNamesAreDownNamingTheEntitySettings() {
    Health health =
        new DynamoTableHealthIndicator(
                db.client(),
                table.name(),
                TableLayout.of("pk", "sk"),
                "pydantic-dynamo.entities.rating.partition-key and"
                    + " pydantic-dynamo.entities.rating.sort-key")
            .health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("reason"))
        .isEqualTo(
            "table '"
                + table.name()
                + "' has the key schema [PK HASH, SK RANGE] but the repositories use [pk HASH,"
                + " sk RANGE] (pydantic-dynamo.entities.rating.partition-key and"
                + " pydantic-dynamo.entities.rating.sort-key)");
  }

  private static Health healthWhile(TableStatus status) {
    try (DynamoDbClient client =
        db.newClient(
            ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new TableStatusInterceptor(status))
                .build())) {
      return new DynamoTableHealthIndicator(client, table.name(), TableLayout.of("PK", "SK"))
          .health();
    }
  }
}
