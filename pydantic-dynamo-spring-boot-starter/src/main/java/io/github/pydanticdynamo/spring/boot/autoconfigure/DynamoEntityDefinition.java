package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;

/**
 * Where one entity is stored: its entity settings over its annotation over the defaults.
 *
 * @param tableSetting where the table name came from, for messages
 * @param keySettings the two settings its key names came from, for messages
 */
record DynamoEntityDefinition(
    Class<?> entityType,
    String tableName,
    String tableSetting,
    TableLayout layout,
    String keySettings,
    String partitionPrefix,
    String partitionName,
    String contentType,
    boolean consistentReads) {

  String simpleName() {
    return entityType.getSimpleName();
  }

  /** The prefix of the entity's own settings: {@code pydantic-dynamo.entities.film-actor}. */
  String settingsPrefix() {
    return DynamoEntityCatalog.propertyPrefix(entityType);
  }
}
