package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A batch write holds each chunk only until it is written: the first chunk's items can be collected
 * while the last chunk is being sent. The sync tests write through to the local engine. The async
 * tests answer the writes themselves: the SDK's Netty client keeps the last request of each idle
 * connection, which would make a weak-reference check through it depend on connection reuse; the
 * async putBatch's behaviour on the engine is covered by the integration tests.
 */
@DynamoDbTest
class BatchMemoryTests {
  private static final int ITEMS = 250; // 10 chunks of 25
  private static final String SORT_KEY = "sk";
  private static final Duration COLLECTION_DEADLINE = Duration.ofSeconds(20);

  private static List<PartitionedContent<FilmActor>> actors() {
    return RepositoryFixture.actors(ITEMS);
  }

  private static String id(int i) {
    return String.format("%04d", i);
  }

  private static DynamoRepository<FilmActor> sync(
      TestTable table, ChunkWatch watch, int concurrency) {
    DynamoDbClient engine = table.client();
    return DynamoRepository.builder(FilmActor.class)
        .client(
            BatchWriteClients.sync(
                request -> {
                  watch.see(request);
                  return engine.batchWriteItem(request);
                },
                engine))
        .tableName(table.name())
        .partitionKey(table.partitionKey())
        .sortKey(table.sortKey())
        .partitionPrefix("test")
        .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(concurrency))
        .build();
  }

  private static AsyncDynamoRepository<FilmActor> async(DynamoDbAsyncClient client) {
    return AsyncDynamoRepository.builder(FilmActor.class)
        .client(client)
        .tableName("batch-memory")
        .partitionKey("pk")
        .sortKey(SORT_KEY)
        .partitionPrefix("test")
        .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(4))
        .build();
  }

  @Test
  void syncPutBatchReleasesAWrittenChunkBeforeTheLastIsSent(TestTable table) {
    ChunkWatch watch = new ChunkWatch(table.sortKey());
    try (DynamoRepository<FilmActor> repo = sync(table, watch, 1)) {
      repo.putBatch(actors());
    }
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
    assertThat(table.count()).isEqualTo(ITEMS);
  }

  @Test
  void syncPutBatchOnThePoolReleasesAWrittenChunkBeforeTheLastIsSent(TestTable table) {
    ChunkWatch watch = new ChunkWatch(table.sortKey());
    try (DynamoRepository<FilmActor> repo = sync(table, watch, 4)) {
      repo.putBatch(actors());
    }
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
    assertThat(table.count()).isEqualTo(ITEMS);
  }

  @Test
  void asyncPutBatchReleasesAWrittenChunkBeforeTheLastIsSent() {
    ChunkWatch watch = new ChunkWatch(SORT_KEY);
    ExecutorService responder = Executors.newCachedThreadPool();
    try (AsyncDynamoRepository<FilmActor> repo =
        async(
            BatchWriteClients.async(
                request ->
                    CompletableFuture.supplyAsync(() -> watch.answer(request), responder)))) {
      repo.putBatch(actors()).join();
    } finally {
      responder.shutdown();
    }
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
  }

  @Test
  void asyncPutBatchWithAClientThatAnswersAtOnceHoldsNoWrittenChunkOnTheStack() {
    ChunkWatch watch = new ChunkWatch(SORT_KEY);
    try (AsyncDynamoRepository<FilmActor> repo =
        async(
            BatchWriteClients.async(
                request -> CompletableFuture.completedFuture(watch.answer(request))))) {
      repo.putBatch(actors()).join();
    }
    watch.assertFirstChunkWasCollectedBeforeTheLastWasSent();
  }

  /**
   * Answers the chunks: keeps the first chunk's key values weakly (the repository builds them
   * afresh for each item, so nothing but the batch holds them) and, when the last chunk comes,
   * collects garbage until they are gone or a deadline passes.
   */
  private static final class ChunkWatch {
    private final String sortKey;
    private final List<WeakReference<AttributeValue>> firstChunk = new CopyOnWriteArrayList<>();
    private volatile @Nullable Boolean firstCollected;

    ChunkWatch(String sortKey) {
      this.sortKey = sortKey;
    }

    BatchWriteItemResponse answer(BatchWriteItemRequest request) {
      see(request);
      return BatchWriteClients.ALL_WRITTEN;
    }

    void see(BatchWriteItemRequest request) {
      if (holds(request, id(0))) {
        for (WriteRequest write : writes(request)) {
          firstChunk.add(new WeakReference<>(write.putRequest().item().get(sortKey)));
        }
      }
      if (holds(request, id(ITEMS - 1))) {
        firstCollected = firstChunkCollected();
      }
    }

    private boolean holds(BatchWriteItemRequest request, String contentId) {
      for (WriteRequest write : writes(request)) {
        if (write.putRequest().item().get(sortKey).s().endsWith(contentId)) {
          return true;
        }
      }
      return false;
    }

    private static List<WriteRequest> writes(BatchWriteItemRequest request) {
      return request.requestItems().values().iterator().next();
    }

    /** Whether the first chunk's values are collected within the deadline (once all are seen). */
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
          .as("the first chunk's items could be collected while the last chunk was being sent")
          .isTrue();
    }
  }
}
