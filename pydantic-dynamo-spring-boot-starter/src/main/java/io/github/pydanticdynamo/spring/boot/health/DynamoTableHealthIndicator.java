package io.github.pydanticdynamo.spring.boot.health;

import io.github.pydanticdynamo.TableLayout;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The health of one table, from DescribeTable: UP when it exists, is ACTIVE and has the layout's
 * keys; OUT_OF_SERVICE while it is CREATING or UPDATING; DOWN when it is missing, DELETING,
 * ARCHIVING, ARCHIVED or otherwise unusable, or its keys differ. The details always carry the
 * table, its expected keys and, once described, its status. The starter registers one per table
 * under the {@code pydanticDynamo} health contributor.
 *
 * <pre>{@code
 * HealthIndicator actors =
 *     new DynamoTableHealthIndicator(client, "app-table", TableLayout.of("PK", "SK"));
 * }</pre>
 */
public final class DynamoTableHealthIndicator implements HealthIndicator {
  private static final String DEFAULT_KEY_SETTINGS =
      "pydantic-dynamo.partition-key and pydantic-dynamo.sort-key";

  private final DynamoDbClient client;
  private final String tableName;
  private final TableLayout layout;
  private final String keySettings;

  /**
   * Checks one table whose key names come from {@code pydantic-dynamo.partition-key} and {@code
   * pydantic-dynamo.sort-key}.
   *
   * @param client the client the repositories use
   * @param tableName the table
   * @param layout the keys the repositories expect
   */
  public DynamoTableHealthIndicator(DynamoDbClient client, String tableName, TableLayout layout) {
    this(client, tableName, layout, DEFAULT_KEY_SETTINGS);
  }

  /**
   * Checks one table.
   *
   * @param client the client the repositories use
   * @param tableName the table
   * @param layout the keys the repositories expect
   * @param keySettings the settings the key names come from, named when they differ from the
   *     table's
   */
  public DynamoTableHealthIndicator(
      DynamoDbClient client, String tableName, TableLayout layout, String keySettings) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.keySettings = Objects.requireNonNull(keySettings, "keySettings");
  }

  @Override
  public Health health() {
    Health.Builder health =
        new Health.Builder()
            .withDetail("table", tableName)
            .withDetail("partitionKey", layout.partitionKey())
            .withDetail("sortKey", layout.sortKey());
    TableDescription table;
    try {
      table = client.describeTable(request -> request.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return health.down().withDetail("reason", "table '" + tableName + "' does not exist").build();
    } catch (SdkException e) {
      return health.down(e).withDetail("reason", "DescribeTable failed: " + e.getMessage()).build();
    }
    TableStatus status = table.tableStatus();
    health.withDetail("status", String.valueOf(table.tableStatusAsString()));
    if (status != TableStatus.ACTIVE) {
      boolean transitional = status == TableStatus.CREATING || status == TableStatus.UPDATING;
      return health
          .status(transitional ? Status.OUT_OF_SERVICE : Status.DOWN)
          .withDetail(
              "reason",
              "table '" + tableName + "' is " + table.tableStatusAsString() + ", not ACTIVE")
          .build();
    }
    List<String> indexProblems = layout.indexProblems(table);
    if (!indexProblems.isEmpty()
        && TableLayout.of(layout.partitionKey(), layout.sortKey()).matches(table)) {
      return health
          .down()
          .withDetail(
              "reason",
              "table '"
                  + tableName
                  + "' lacks the secondary indexes the repositories query: "
                  + String.join("; ", indexProblems))
          .build();
    }
    if (!layout.matches(table)) {
      return health
          .down()
          .withDetail(
              "reason",
              "table '"
                  + tableName
                  + "' has the key schema "
                  + describe(table.keySchema())
                  + (sameKeyNames(table) ? " with key types other than S" : "")
                  + " but the repositories use "
                  + describe(layout.keySchema())
                  + " ("
                  + keySettings
                  + ")")
          .build();
    }
    return health.up().build();
  }

  private boolean sameKeyNames(TableDescription table) {
    return describe(table.keySchema()).equals(describe(layout.keySchema()));
  }

  private static String describe(List<KeySchemaElement> keySchema) {
    return keySchema.stream()
        .sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
        .map(element -> element.attributeName() + " " + element.keyTypeAsString())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
