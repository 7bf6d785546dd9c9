package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;

/** Where one entity is stored; tableSetting and keySettings name their sources in messages. */
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
