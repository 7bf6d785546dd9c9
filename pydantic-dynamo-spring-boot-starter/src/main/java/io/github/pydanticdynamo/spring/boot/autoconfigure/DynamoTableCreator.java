package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creates the entities' missing tables at startup ({@code pydantic-dynamo.create-tables=true}). */
final class DynamoTableCreator {
  private static final Logger log = LoggerFactory.getLogger(DynamoTableCreator.class);

  private final DynamoDbClient client;
  private final DynamoEntityCatalog catalog;
  private final PydanticDynamoProperties properties;

  DynamoTableCreator(
      DynamoDbClient client, DynamoEntityCatalog catalog, PydanticDynamoProperties properties) {
    this.client = client;
    this.catalog = catalog;
    this.properties = properties;
  }

  /** Creates every missing table. */
  void createMissingTables() {
    TableLayout layout = TableLayout.of(properties.partitionKey(), properties.sortKey());
    for (String table : catalog.tableNames()) {
      if (!exists(table)) {
        create(table, layout);
      }
    }
  }

  private boolean exists(String table) {
    try {
      client.describeTable(request -> request.tableName(table));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private void create(String table, TableLayout layout) {
    log.info("Creating DynamoDB table '{}' ({})", table, layout);
    try {
      client.createTable(layout.createTableRequest(table));
    } catch (ResourceInUseException e) {
      log.info("DynamoDB table '{}' is being created elsewhere; waiting for it", table);
    }
    client.waiter().waitUntilTableExists(request -> request.tableName(table));
    enableTimeToLive(table, layout);
  }

  private void enableTimeToLive(String table, TableLayout layout) {
    try {
      client.updateTimeToLive(layout.timeToLiveRequest(table));
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if ("UnknownOperationException".equals(code)) {
        log.info(
            "The DynamoDB engine does not support UpdateTimeToLive; table '{}' has no time to live",
            table);
      } else {
        log.warn(
            "Could not enable time to live on '{}' of table '{}': {}",
            TableLayout.TTL_ATTRIBUTE,
            table,
            e.getMessage());
      }
    }
  }
}
