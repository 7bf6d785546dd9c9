package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A delete by prefix holds the keys of a page only until they are deleted: the first chunk's keys
 * (read from the query's first page) can be collected while the last chunk (from the fourth page)
 * is being sent. The sync test deletes on the local engine; the async test answers the deletes
 * itself and reads its pages through the sync client (the SDK's Netty client keeps what it last
 * sent and received on each idle connection, see {@link BatchMemoryTests}).
 */
@DynamoDbTest
class PrefixDeleteMemoryIntegrationTests {
  private static final int ITEMS = 2_000; // four pages of the keys-only query
  private static final Duration COLLECTION_DEADLINE = Duration.ofSeconds(20);

  private static String id(int i) {
    return String.format("d%05d", i);
  }

  private static void fill(TestTable table) {
    String payload = "x".repeat(2_000);
    RepositoryFixture.sync(Blob.class, table)
        .build()
        .putBatch(
            IntStream.range(0, ITEMS)
                .mapToObj(
                    i ->
                        PartitionedContent.of(
                            List.of("p"), List.of(id(i)), new Blob(id(i), payload)))
                .toList());
  }

  @Test
  void syncDeleteReleasesAPageOfKeysBeforeTheLastIsDeleted(TestTable table) {
    fill(table);
    DeleteWatch watch = new DeleteWatch(table.sortKey());
    DynamoDbClient engine = table.client();
    DynamoDbClient client =
        BatchWriteClients.sync(
            request -> {
              watch.see(request);
              return engine.batchWriteItem(request);
            },
            engine);

    long deleted =
        RepositoryFixture.sync(Blob.class, table, client).build().delete(List.of("p"), List.of());

    assertThat(deleted).isEqualTo(ITEMS);
    assertThat(table.count()).isZero();
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
  }

  @Test
  void asyncDeleteReleasesAPageOfKeysBeforeTheLastIsDeleted(TestTable table) {
    fill(table);
    DeleteWatch watch = new DeleteWatch(table.sortKey());
    ExecutorService responder = Executors.newCachedThreadPool();
    try {
      DynamoDbAsyncClient client =
          answering(
              request ->
                  CompletableFuture.supplyAsync(
                      () -> {
                        watch.see(request);
                        return BatchWriteClients.ALL_WRITTEN;
                      },
                      responder),
              request ->
                  CompletableFuture.supplyAsync(() -> table.client().query(request), responder));

      long deleted =
          RepositoryFixture.async(Blob.class, table, client)
              .build()
              .delete(List.of("p"), List.of())
              .join();

      assertThat(deleted).isEqualTo(ITEMS);
    } finally {
      responder.shutdown();
    }
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
  }

  /**
   * An async client whose batch writes {@code writes} answers and whose queries {@code queries} do.
   */
  private static DynamoDbAsyncClient answering(
      Function<BatchWriteItemRequest, CompletableFuture<BatchWriteItemResponse>> writes,
      Function<QueryRequest, CompletableFuture<QueryResponse>> queries) {
    return new DynamoDbAsyncClient() {
      @Override
      public CompletableFuture<BatchWriteItemResponse> batchWriteItem(
          BatchWriteItemRequest request) {
        return writes.apply(request);
      }

      @Override
      public CompletableFuture<QueryResponse> query(QueryRequest request) {
        return queries.apply(request);
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {
        // nothing of its own
      }
    };
  }

  /**
   * Sees the deletes: keeps the first chunk's sort key values weakly (they come from the query's
   * first page) and, when the chunk with the last key comes, collects garbage until they are gone
   * or a deadline passes.
   */
  private static final class DeleteWatch {
    private final String sortKey;
    private final List<WeakReference<AttributeValue>> firstChunk = new CopyOnWriteArrayList<>();
    private volatile @Nullable Boolean firstCollected;

    DeleteWatch(String sortKey) {
      this.sortKey = sortKey;
    }

    void see(BatchWriteItemRequest request) {
      List<AttributeValue> keys = new ArrayList<>();
      for (WriteRequest write : request.requestItems().values().iterator().next()) {
        keys.add(write.deleteRequest().key().get(sortKey));
      }
      if (keys.stream().anyMatch(key -> key.s().endsWith(id(0)))) {
        keys.forEach(key -> firstChunk.add(new WeakReference<>(key)));
      }
      boolean last = keys.stream().anyMatch(key -> key.s().endsWith(id(ITEMS - 1)));
      keys.clear();
      if (last) {
        firstCollected = firstChunkCollected();
      }
    }

    private boolean firstChunkCollected() {
      long deadline = System.nanoTime() + COLLECTION_DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        if (firstChunk.size() == 25) {
          System.gc();
          if (firstChunk.stream().allMatch(reference -> reference.get() == null)) {
            return true;
          }
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    void assertFirstChunkWasCollectedBeforeTheLastWasSent() {
      assertThat(firstCollected)
          .as("the first page's keys could be collected while the last chunk was being deleted")
          .isTrue();
    }
  }
}
