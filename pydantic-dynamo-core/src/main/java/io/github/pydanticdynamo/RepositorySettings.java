package io.github.pydanticdynamo;

/**
 * What a built repository was configured with (for logs, health checks and tooling).
 *
 * <pre>{@code
 * String table = repository.settings().tableName();
 * }</pre>
 *
 * @param modelType the model type
 * @param tableName the table
 * @param partitionKey the partition key attribute name
 * @param sortKey the sort key attribute name
 * @param partitionPrefix the partition key prefix
 * @param partitionName the partition name
 * @param contentType the content type
 * @param consistentReads whether reads are strongly consistent by default
 * @param hideExpired whether reads leave out expired items
 * @param batchSettings concurrency and retries of batch operations
 * @param storageFormat how keys, nulls and sets are written
 */
public record RepositorySettings(
    Class<?> modelType,
    String tableName,
    String partitionKey,
    String sortKey,
    String partitionPrefix,
    String partitionName,
    String contentType,
    boolean consistentReads,
    boolean hideExpired,
    BatchSettings batchSettings,
    StorageFormat storageFormat) {

  /**
   * Settings in the {@link StorageFormat#STANDARD standard} storage format.
   *
   * @param modelType the model type
   * @param tableName the table
   * @param partitionKey the partition key attribute name
   * @param sortKey the sort key attribute name
   * @param partitionPrefix the partition key prefix
   * @param partitionName the partition name
   * @param contentType the content type
   * @param consistentReads whether reads are strongly consistent by default
   * @param hideExpired whether reads leave out expired items
   * @param batchSettings concurrency and retries of batch operations
   */
  public RepositorySettings(
      Class<?> modelType,
      String tableName,
      String partitionKey,
      String sortKey,
      String partitionPrefix,
      String partitionName,
      String contentType,
      boolean consistentReads,
      boolean hideExpired,
      BatchSettings batchSettings) {
    this(
        modelType,
        tableName,
        partitionKey,
        sortKey,
        partitionPrefix,
        partitionName,
        contentType,
        consistentReads,
        hideExpired,
        batchSettings,
        StorageFormat.STANDARD);
  }
}
