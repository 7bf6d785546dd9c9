package io.github.pydanticdynamo.spring.boot.health;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The health of one table, from DescribeTable: UP when it exists, is ACTIVE (or UPDATING, which
 * still serves requests) and has the configured key attributes; DOWN with the reason otherwise. The
 * starter registers one per table under the {@code pydanticDynamo} health contributor.
 *
 * <pre>{@code
 * HealthIndicator actors = new DynamoTableHealthIndicator(client, "app-table", "PK", "SK");
 * }</pre>
 */
public final class DynamoTableHealthIndicator implements HealthIndicator {
  private final DynamoDbClient client;
  private final String tableName;
  private final String partitionKey;
  private final String sortKey;

  /**
   * Checks one table.
   *
   * @param client the client the repositories use
   * @param tableName the table
   * @param partitionKey the partition key attribute name the repositories use
   * @param sortKey the sort key attribute name the repositories use
   */
  public DynamoTableHealthIndicator(
      DynamoDbClient client, String tableName, String partitionKey, String sortKey) {
    this.client = client;
    this.tableName = tableName;
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
  }

  @Override
  public Health health() {
    Health.Builder health =
        new Health.Builder()
            .withDetail("table", tableName)
            .withDetail("partitionKey", partitionKey)
            .withDetail("sortKey", sortKey);
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
    if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
      return health
          .down()
          .withDetail(
              "reason",
              "table '" + tableName + "' is " + table.tableStatusAsString() + ", not ACTIVE")
          .build();
    }
    List<KeySchemaElement> expected =
        List.of(
            KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    if (!describe(expected).equals(describe(table.keySchema()))) {
      return health
          .down()
          .withDetail(
              "reason",
              "table '"
                  + tableName
                  + "' has the key schema "
                  + describe(table.keySchema())
                  + " but the repositories use "
                  + describe(expected)
                  + " (pydantic-dynamo.partition-key and pydantic-dynamo.sort-key)")
          .build();
    }
    return health.up().build();
  }

  private static String describe(List<KeySchemaElement> keySchema) {
    return keySchema.stream()
        .sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
        .map(element -> element.attributeName() + " " + element.keyTypeAsString())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
