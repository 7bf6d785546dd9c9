package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates the tables the verifier found missing ({@code pydantic-dynamo.create-tables=true}). */
final class DynamoTableCreator {
  private static final Logger log = LoggerFactory.getLogger(DynamoTableCreator.class);

  private final DynamoDbClient client;

  DynamoTableCreator(DynamoDbClient client) {
    this.client = client;
  }

  /** Creates the table, waits until it is active and enables time to live where supported. */
  void create(String table, TableLayout layout) {
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
