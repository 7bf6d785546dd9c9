package io.github.pydanticdynamo.spring.boot;

/**
 * Where one entity is stored, resolved from its {@code pydantic-dynamo.entities.<name>} settings,
 * its {@code @DynamoEntity} annotation and the defaults, in that order.
 *
 * @param entityType the entity type
 * @param tableName the table
 * @param partitionPrefix the partition key prefix
 * @param partitionName the partition name
 * @param contentType the content type
 * @param consistentReads whether reads are strongly consistent by default
 */
record DynamoEntityDefinition(
    Class<?> entityType,
    String tableName,
    String partitionPrefix,
    String partitionName,
    String contentType,
    boolean consistentReads) {}
