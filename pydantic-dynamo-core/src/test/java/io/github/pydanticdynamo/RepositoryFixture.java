package io.github.pydanticdynamo;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds repositories over a test table. */
final class RepositoryFixture {
  static final BatchSettings FAST_RETRIES =
      new BatchSettings(4, 5, Duration.ofMillis(1), Duration.ofMillis(10));

  private RepositoryFixture() {}

  static <T> DynamoRepository.Builder<T> sync(Class<T> type, TestTable table) {
    return sync(type, table, LocalDynamoDb.shared().client());
  }

  static <T> DynamoRepository.Builder<T> sync(
      Class<T> type, TestTable table, DynamoDbClient client) {
    return DynamoRepository.builder(type)
        .client(client)
        .tableName(table.name())
        .partitionKey(table.partitionKey())
        .sortKey(table.sortKey())
        .partitionPrefix("test")
        .consistentReads(true)
        .batchSettings(FAST_RETRIES);
  }

  static <T> AsyncDynamoRepository.Builder<T> async(Class<T> type, TestTable table) {
    return async(type, table, LocalDynamoDb.shared().asyncClient());
  }

  static <T> AsyncDynamoRepository.Builder<T> async(
      Class<T> type, TestTable table, DynamoDbAsyncClient client) {
    return AsyncDynamoRepository.builder(type)
        .client(client)
        .tableName(table.name())
        .partitionKey(table.partitionKey())
        .sortKey(table.sortKey())
        .partitionPrefix("test")
        .consistentReads(true)
        .batchSettings(FAST_RETRIES);
  }
}
