package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * Unprocessed work, injected into real traffic: nothing is lost, and a permanent hold-back is
 * reported.
 */
@DynamoDbTest
class BatchRetryIntegrationTests {

  private static List<PartitionedContent<FilmActor>> actors(int count) {
    return RepositoryFixture.actors(count);
  }

  private static List<ContentKey> keys(List<PartitionedContent<FilmActor>> contents) {
    return contents.stream().map(PartitionedContent::key).toList();
  }

  private static ClientOverrideConfiguration with(UnprocessedWorkInterceptor interceptor) {
    return ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build();
  }

  @Test
  void syncBatchesRetryHeldBackWorkUntilEverythingIsDone(TestTable table) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(holdBack))) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build();
      List<PartitionedContent<FilmActor>> contents = actors(500);

      repo.putBatch(contents);
      long heldOnWrite = holdBack.heldBack();
      List<PartitionedContent<FilmActor>> read =
          repo.getBatch(keys(contents)).flatMap(p -> p.contents().stream()).toList();

      assertThat(heldOnWrite).isGreaterThan(100);
      assertThat(holdBack.heldBack()).isGreaterThan(heldOnWrite + 100);
      assertThat(table.count()).isEqualTo(500);
      assertThat(read).containsExactlyElementsOf(contents);
    }
  }

  @Test
  void asyncBatchesRetryHeldBackWorkUntilEverythingIsDone(TestTable table) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(holdBack))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build();
      List<PartitionedContent<FilmActor>> contents = actors(500);

      repo.putBatch(contents).join();
      List<PartitionedContent<FilmActor>> read =
          PublisherCollector.collect(repo.getBatch(keys(contents))).join().stream()
              .flatMap(p -> p.contents().stream())
              .toList();

      assertThat(holdBack.heldBack()).isGreaterThan(200);
      assertThat(table.count()).isEqualTo(500);
      assertThat(read).containsExactlyElementsOf(contents);
    }
  }

  @Test
  void aPermanentHoldBackEndsInAnExceptionListingExactlyTheUnwrittenItems(TestTable table) {
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get("_table_content_id").s().endsWith("7"));
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(holdBack))) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      List<PartitionedContent<FilmActor>> contents = actors(60);
      List<PartitionedContent<FilmActor>> expectedLeft =
          contents.stream().filter(c -> c.contentIds().get(0).endsWith("7")).toList();

      assertThatThrownBy(() -> repo.putBatch(contents))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e.unwrittenContents()).containsExactlyInAnyOrderElementsOf(expectedLeft);
                assertThat(e.unreadKeys()).isEmpty();
                assertThat(e)
                    .hasMessageContaining("6 of 60 items were not written after 5 attempts");
              });
      assertThat(table.count()).isEqualTo(54);

      assertThatThrownBy(() -> repo.getBatch(keys(contents)).toList())
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e ->
                  assertThat(e.unreadKeys())
                      .containsExactlyInAnyOrderElementsOf(keys(expectedLeft)));
    }
  }

  @Test
  void asyncPermanentHoldBackFailsTheFutureWithTheUnwrittenItems(TestTable table) {
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get("_table_content_id").s().endsWith("3"));
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(holdBack))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      List<PartitionedContent<FilmActor>> contents = actors(40);

      assertThatThrownBy(() -> repo.putBatch(contents).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class, e -> assertThat(e.unwrittenContents()).hasSize(4));
      assertThat(table.count()).isEqualTo(36);
    }
  }

  /** Holds every BatchGetItem for a while and records how many were in flight at once. */
  static final class InFlight implements ExecutionInterceptor {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (context.request() instanceof BatchGetItemRequest) {
        peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        try {
          Thread.sleep(30);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof BatchGetItemRequest) {
        now.decrementAndGet();
      }
    }
  }

  @Test
  void getBatchReadsChunksAheadUpToTheConcurrencyInKeyOrder(TestTable table) {
    List<PartitionedContent<FilmActor>> contents = actors(1_000);
    RepositoryFixture.sync(FilmActor.class, table).build().putBatch(contents);
    InFlight syncPeak = new InFlight();
    InFlight asyncPeak = new InFlight();
    try (DynamoDbClient client =
            LocalDynamoDb.shared()
                .newClient(
                    ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(syncPeak)
                        .build());
        DynamoDbAsyncClient async =
            LocalDynamoDb.shared()
                .newAsyncClient(
                    ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(asyncPeak)
                        .build())) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      AsyncDynamoRepository<FilmActor> asyncRepo =
          RepositoryFixture.async(FilmActor.class, table, async).build();

      assertThat(repo.getBatch(keys(contents)).flatMap(p -> p.contents().stream()))
          .containsExactlyElementsOf(contents);
      assertThat(
              PublisherCollector.collect(asyncRepo.getBatch(keys(contents))).join().stream()
                  .flatMap(p -> p.contents().stream()))
          .containsExactlyElementsOf(contents);

      int concurrency = RepositoryFixture.FAST_RETRIES.concurrency();
      assertThat(syncPeak.peak.get()).isBetween(2, concurrency);
      assertThat(asyncPeak.peak.get()).isBetween(2, concurrency);
    }
  }

  @Test
  void aReadAheadChunkThatGivesUpReportsItsKeysAndEveryLaterChunks(TestTable table) {
    List<PartitionedContent<FilmActor>> contents = actors(250);
    RepositoryFixture.sync(FilmActor.class, table).build().putBatch(contents);
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get("_table_content_id").s().equals("actor#0007"));
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(holdBack))) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      List<ContentKey> expected = new java.util.ArrayList<>();
      expected.add(contents.get(7).key());
      expected.addAll(keys(contents.subList(100, 250)));
      assertThatThrownBy(() -> repo.getBatch(keys(contents)).toList())
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> assertThat(e.unreadKeys()).containsExactlyInAnyOrderElementsOf(expected));
    }
  }
}
