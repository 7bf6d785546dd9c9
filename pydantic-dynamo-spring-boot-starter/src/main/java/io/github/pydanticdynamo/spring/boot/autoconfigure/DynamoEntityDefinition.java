package io.github.pydanticdynamo.spring.boot.autoconfigure;

/** Where one entity is stored: its entity settings over its annotation over the defaults. */
record DynamoEntityDefinition(
    Class<?> entityType,
    String tableName,
    String partitionPrefix,
    String partitionName,
    String contentType,
    boolean consistentReads) {}
