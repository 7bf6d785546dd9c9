package io.github.pydanticdynamo.spring.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the entities' missing tables at startup ({@code pydantic-dynamo.create-tables=true}, for
 * development): string keys with the configured names, on-demand billing, time to live on {@code
 * _ttl} where the engine supports it; waits until each is active.
 */
final class DynamoTableCreator {
  static final String TTL_ATTRIBUTE = "_ttl";
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
    for (String table : catalog.tableNames()) {
      if (!exists(table)) {
        create(table);
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

  private void create(String table) {
    String partitionKey = properties.partitionKey();
    String sortKey = properties.sortKey();
    log.info("Creating DynamoDB table '{}' (keys {}, {})", table, partitionKey, sortKey);
    try {
      client.createTable(
          request ->
              request
                  .tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(attribute(partitionKey), attribute(sortKey))
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName(partitionKey)
                          .keyType(KeyType.HASH)
                          .build(),
                      KeySchemaElement.builder()
                          .attributeName(sortKey)
                          .keyType(KeyType.RANGE)
                          .build()));
    } catch (ResourceInUseException e) {
      log.info("DynamoDB table '{}' is being created elsewhere; waiting for it", table);
    }
    client.waiter().waitUntilTableExists(request -> request.tableName(table));
    enableTimeToLive(table);
  }

  private void enableTimeToLive(String table) {
    try {
      client.updateTimeToLive(
          request ->
              request
                  .tableName(table)
                  .timeToLiveSpecification(
                      spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if ("UnknownOperationException".equals(code)) {
        log.info(
            "The DynamoDB engine does not support UpdateTimeToLive; table '{}' has no time to live",
            table);
      } else {
        log.warn(
            "Could not enable time to live on '{}' of table '{}': {}",
            TTL_ATTRIBUTE,
            table,
            e.getMessage());
      }
    }
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
