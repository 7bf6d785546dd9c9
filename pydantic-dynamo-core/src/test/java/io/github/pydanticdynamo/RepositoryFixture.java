package io.github.pydanticdynamo;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds repositories over a test table. */
final class RepositoryFixture {
  static final BatchSettings FAST_RETRIES =
      new BatchSettings(4, 5, Duration.ofMillis(1), Duration.ofMillis(10));

  private RepositoryFixture() {}

  /**
   * {@code count} actors in partition {@code ["p"]} with content ids {@code 0000}, {@code 0001}…
   * (in order, so chunk n holds ids 25n to 25n + 24).
   */
  static List<PartitionedContent<FilmActor>> actors(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of("p"),
                    List.of(String.format("%04d", i)),
                    new FilmActor("a" + i, "Actor " + i, null)))
        .toList();
  }

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
