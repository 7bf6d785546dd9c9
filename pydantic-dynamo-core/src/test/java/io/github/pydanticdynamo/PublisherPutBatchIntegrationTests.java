package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * putBatch from a reactive-streams Publisher: items are requested a chunk at a time as the writes
 * make room (the demand never exceeds a chunk, the items held never exceed the chunks in flight and
 * one), a synchronous publisher of 100,000 items streams in a small heap without deep stacks, and a
 * bad item or the publisher's error stops the batch, cancels, and reports what was written.
 */
@DynamoDbTest
class PublisherPutBatchIntegrationTests {
  private static final String BIG = "x".repeat(420_000); // over DynamoDB's 400 KB per item

  private static PartitionedContent<FilmActor> actor(int i) {
    return PartitionedContent.of(
        List.of("p"),
        List.of(String.format("%05d", i)),
        new FilmActor("a" + i, "Actor " + i, null));
  }

  private static PartitionedContent<Blob> blob(int i, boolean tooLarge) {
    return PartitionedContent.of(
        List.of("b"),
        List.of(String.format("%06d", i)),
        new Blob("b" + i, tooLarge ? BIG : "small"));
  }

  private static AsyncDynamoRepository<FilmActor> actors(TestTable table, int concurrency) {
    return RepositoryFixture.async(FilmActor.class, table)
        .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(concurrency))
        .build();
  }

  /** Counts the items of every BatchWriteItem answered (whatever it left unprocessed). */
  static final class Answered implements ExecutionInterceptor {
    final AtomicInteger items = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (context.request() instanceof BatchWriteItemRequest request) {
        requests.incrementAndGet();
        request.requestItems().values().forEach(writes -> items.addAndGet(writes.size()));
      }
      return context.response();
    }
  }

  private static ClientOverrideConfiguration with(ExecutionInterceptor interceptor) {
    return ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build();
  }

  @Test
  void aSynchronousPublisherIsWrittenWholeAChunkAtATime(TestTable table) {
    Answered answered = new Answered();
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(answered))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(3))
              .build();
      TestPublisher<PartitionedContent<FilmActor>> source =
          TestPublisher.of(2_013, PublisherPutBatchIntegrationTests::actor)
              .measuring(answered.items::get);

      repo.putBatch(source).join();

      assertThat(table.count()).isEqualTo(2_013);
      assertThat(repo.getItem(List.of("p"), List.of("02012")).join().orElseThrow().name())
          .isEqualTo("Actor 2012");
      assertThat(source.maxDemand.get())
          .as("outstanding demand")
          .isPositive()
          .isLessThanOrEqualTo(25);
      assertThat(source.maxHeld.get())
          .as("items emitted and not yet answered: 3 chunks in flight and one filled ahead")
          .isLessThanOrEqualTo((3 + 1) * 25);
      assertThat(source.requests.get())
          .as("chunk-sized requests")
          .isGreaterThanOrEqualTo(2_013 / 25);
      assertThat(answered.requests.get()).isEqualTo(81); // 2,013 items in chunks of 25
      assertThat(source.cancelled).isFalse();
      assertThat(source.subscriptions).hasValue(1);
    }
  }

  @Test
  void aPublisherEmittingOnItsOwnThreadIsHeldBackByTheWrites(TestTable table) {
    Answered answered = new Answered();
    ExecutorService emitter = Executors.newSingleThreadExecutor();
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(answered))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(2))
              .build();
      TestPublisher<PartitionedContent<FilmActor>> source =
          TestPublisher.of(1_510, PublisherPutBatchIntegrationTests::actor)
              .on(emitter)
              .measuring(answered.items::get);

      repo.putBatch(source).join();

      assertThat(table.count()).isEqualTo(1_510);
      assertThat(source.maxDemand.get()).isPositive().isLessThanOrEqualTo(25);
      assertThat(source.maxHeld.get()).isLessThanOrEqualTo((2 + 1) * 25);
      assertThat(source.overlapping).as("requests made one at a time (rule 2.7)").isFalse();
    } finally {
      emitter.shutdownNow();
    }
  }

  @Test
  void anEmptyPublisherCompletesWithNothingSent(TestTable table) {
    Answered answered = new Answered();
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(answered))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      TestPublisher<PartitionedContent<FilmActor>> empty =
          TestPublisher.of(0, PublisherPutBatchIntegrationTests::actor);

      assertThat(repo.putBatch(empty)).succeedsWithin(java.time.Duration.ofSeconds(30));
      assertThat(answered.requests).hasValue(0);
      assertThat(table.count()).isZero();
      assertThat(empty.subscriptions).hasValue(1);
    }
  }

  @Test
  void thePublishersErrorMidwayReportsWhatWasWritten(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = actors(table, 2);
    UncheckedIOException broken =
        new UncheckedIOException("export truncated", new java.io.IOException("eof"));
    TestPublisher<PartitionedContent<FilmActor>> source =
        TestPublisher.failingAt(1_010, broken, PublisherPutBatchIntegrationTests::actor);

    assertThatThrownBy(() -> repo.putBatch(source).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e)
                  .hasMessageStartingWith(
                      "1000 of the 1010 items read before element 1010 (0-based) were written"
                          + " and 10 were not, when the source failed at element 1010: export"
                          + " truncated")
                  .hasCause(broken);
              assertThat(e.unwrittenContents())
                  .containsExactlyElementsOf(
                      IntStream.range(1_000, 1_010)
                          .mapToObj(PublisherPutBatchIntegrationTests::actor)
                          .toList());
            });
    assertThat(table.count()).isEqualTo(1_000);
    assertThat(source.cancelled).as("nothing to cancel after onError (rule 2.4)").isFalse();
  }

  @Test
  void aPublisherErrorBeforeAnythingWasSentFailsWithTheErrorItself(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = actors(table, 2);
    IllegalStateException broken = new IllegalStateException("no export");

    assertThatThrownBy(
            () ->
                repo.putBatch(
                        TestPublisher.failingAt(
                            3, broken, PublisherPutBatchIntegrationTests::actor))
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCause(broken);
    assertThat(table.count()).isZero();
  }

  @Test
  void aBadItemMidwayStopsTheBatchCancelsAndReportsWhatWasWritten(TestTable table) {
    AsyncDynamoRepository<Blob> repo =
        RepositoryFixture.async(Blob.class, table)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(2))
            .build();
    TestPublisher<PartitionedContent<Blob>> source =
        TestPublisher.of(5_000, i -> blob(i, i == 777));

    assertThatThrownBy(() -> repo.putBatch(source).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e)
                  .hasMessageStartingWith(
                      "775 of the 777 items read before element 777 (0-based) were written and 2"
                          + " were not")
                  .hasCauseInstanceOf(ItemTooLargeException.class);
              assertThat(e.unwrittenContents()).containsExactly(blob(775, false), blob(776, false));
            });
    assertThat(source.cancelled).as("the subscription is cancelled").isTrue();
    assertThat(source.emitted.get())
        .as("nothing asked past the bad item's chunk")
        .isLessThanOrEqualTo(800);
    assertThat(table.count()).isEqualTo(775);
  }

  @Test
  void aBadItemInTheFirstChunkFailsWithItsOwnExceptionAndWritesNothing(TestTable table) {
    AsyncDynamoRepository<Blob> repo = RepositoryFixture.async(Blob.class, table).build();
    TestPublisher<PartitionedContent<Blob>> source = TestPublisher.of(100, i -> blob(i, i == 3));

    assertThatThrownBy(() -> repo.putBatch(source).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ItemTooLargeException.class);
    assertThat(source.cancelled).isTrue();
    assertThat(table.count()).isZero();
  }

  @Test
  void unprocessedItemsAreRetriedUntilWritten(TestTable table) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(holdBack))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();

      repo.putBatch(TestPublisher.of(530, PublisherPutBatchIntegrationTests::actor)).join();

      assertThat(holdBack.heldBack()).isPositive();
      assertThat(table.count()).isEqualTo(530);
    }
  }

  @Test
  void itemsDynamoDbKeepsLeavingUnprocessedAreReportedAfterTheRetries(TestTable table) {
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get("_table_content_id").s().endsWith("7"));
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(holdBack))) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();

      assertThatThrownBy(
              () ->
                  repo.putBatch(TestPublisher.of(100, PublisherPutBatchIntegrationTests::actor))
                      .join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e).hasMessageStartingWith("10 of 100 items were not written after 5");
                assertThat(e.unwrittenContents()).hasSize(10);
              });
      assertThat(table.count()).isEqualTo(90);
    }
  }

  @Test
  void cancellingTheFutureCancelsTheSubscription(TestTable table) throws Exception {
    AsyncDynamoRepository<FilmActor> repo = actors(table, 2);
    AtomicReference<Subscription> given = new AtomicReference<>();
    CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
    CompletableFuture<Long> requested = new CompletableFuture<>();
    Publisher<PartitionedContent<FilmActor>> silent =
        (Subscriber<? super PartitionedContent<FilmActor>> subscriber) -> {
          Subscription subscription =
              new Subscription() {
                @Override
                public void request(long n) {
                  requested.complete(n);
                }

                @Override
                public void cancel() {
                  cancelled.complete(true);
                }
              };
          given.set(subscription);
          subscriber.onSubscribe(subscription);
        };

    CompletableFuture<Void> written = repo.putBatch(silent);
    assertThat(requested.get(30, TimeUnit.SECONDS)).isEqualTo(25);
    assertThat(written.cancel(true)).isTrue();

    assertThat(cancelled.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(table.count()).isZero();
  }

  @Test
  void aSynchronousPublisherOf100000LazyItemsStreamsInASmallHeap(TestTable table) throws Exception {
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                PublisherMemoryCheck.class.getName(),
                table.name())
            .redirectErrorStream(true);
    child
        .environment()
        .put(LocalDynamoDb.ENDPOINT_VARIABLE, LocalDynamoDb.shared().endpoint().toString());
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("WROTE " + PublisherMemoryCheck.ITEMS);
    assertThat(table.count()).isEqualTo(PublisherMemoryCheck.ITEMS);
  }

  /**
   * The child JVM: 100,000 items of about 1 KB (about 100 MB as written, far more as objects) made
   * on the fly by a synchronous publisher, written at {@code -Xmx32m} with a small stack.
   */
  public static final class PublisherMemoryCheck {
    static final int ITEMS = 100_000;

    private PublisherMemoryCheck() {}

    public static void main(String[] args) {
      String payload = "y".repeat(1_000);
      TestPublisher<PartitionedContent<Blob>> source =
          TestPublisher.of(
              ITEMS,
              i ->
                  PartitionedContent.of(
                      List.of("m"),
                      List.of(String.format("%06d", i)),
                      new Blob("b" + i, payload + String.format("%010d", i))));
      AsyncDynamoRepository.builder(Blob.class)
          .client(LocalDynamoDb.shared().asyncClient())
          .tableName(args[0])
          .partitionPrefix("test")
          .build()
          .putBatch(source)
          .join();
      System.out.println(
          "WROTE "
              + source.emitted.get()
              + " with max heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB, max demand "
              + source.maxDemand.get());
      System.exit(source.maxDemand.get() <= 25 ? 0 : 2);
    }
  }
}
