package io.github.pydanticdynamo.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A table created for a test, with string partition and sort keys.
 *
 * <pre>{@code
 * TestTable table = LocalDynamoDb.shared().createTable("PK", "SK");
 * List<Map<String, AttributeValue>> raw = table.scanAll();
 * table.delete();
 * }</pre>
 *
 * @param name the table name
 * @param partitionKey the partition key attribute name
 * @param sortKey the sort key attribute name
 * @param client the client that created it
 */
public record TestTable(String name, String partitionKey, String sortKey, DynamoDbClient client) {

  /**
   * Every raw item in the table (for assertions on what was stored).
   *
   * @return all items, in scan order
   */
  public List<Map<String, AttributeValue>> scanAll() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    client
        .scanPaginator(ScanRequest.builder().tableName(name).consistentRead(true).build())
        .items()
        .forEach(items::add);
    return items;
  }

  /**
   * How many items the table holds.
   *
   * @return the count
   */
  public int count() {
    return scanAll().size();
  }

  /** Deletes the table; does nothing when it is already gone. */
  public void delete() {
    try {
      client.deleteTable(b -> b.tableName(name));
    } catch (ResourceNotFoundException ignored) {
      // already deleted
    }
  }
}
