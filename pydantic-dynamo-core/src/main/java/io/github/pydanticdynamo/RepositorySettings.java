package io.github.pydanticdynamo;

import java.util.List;
import java.util.Objects;

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
 * @param indexes the secondary indexes the repository writes and queries
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
    List<SecondaryIndex> indexes,
    StorageFormat storageFormat) {

  /** Copies the indexes. */
  public RepositorySettings {
    indexes = List.copyOf(indexes);
    Objects.requireNonNull(storageFormat, "storageFormat");
  }

  /**
   * Settings with secondary indexes in the {@link StorageFormat#STANDARD standard} storage format.
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
   * @param indexes the secondary indexes the repository writes and queries
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
      BatchSettings batchSettings,
      List<SecondaryIndex> indexes) {
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
        indexes,
        StorageFormat.STANDARD);
  }

  /**
   * Settings without secondary indexes in the given storage format.
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
      BatchSettings batchSettings,
      StorageFormat storageFormat) {
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
        List.of(),
        storageFormat);
  }

  /**
   * Settings without secondary indexes in the {@link StorageFormat#STANDARD standard} storage
   * format.
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
        List.of(),
        StorageFormat.STANDARD);
  }

  /**
   * The table's layout as this repository sees it: its keys and its indexes.
   *
   * <pre>{@code
   * client.createTable(repository.settings().tableLayout().createTableRequest("app-table"));
   * }</pre>
   *
   * @return the layout
   */
  public TableLayout tableLayout() {
    return TableLayout.of(partitionKey, sortKey).withIndexes(indexes);
  }
}
