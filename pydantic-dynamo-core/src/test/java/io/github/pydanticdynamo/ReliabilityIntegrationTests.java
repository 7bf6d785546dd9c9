package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynaliteServer;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.ThrottlingInterceptor;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Faults injected into real traffic on the local engine. Sizes are reduced for CI; the full sizes
 * run with {@code -Dreliability.items=50000 -Dreliability.updates=100} (see docs/reliability.md).
 */
@DynamoDbTest
class ReliabilityIntegrationTests {
  static final int ITEMS = Integer.getInteger("reliability.items", 5_000);
  static final int KILL_ITEMS = Integer.getInteger("reliability.killItems", 20_000);
  static final int UPDATES_PER_THREAD = Integer.getInteger("reliability.updates", 25);

  private static List<PartitionedContent<FilmActor>> actors(String partition, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of(partition),
                    List.of(String.format("%06d", i)),
                    new FilmActor("a" + i, "Actor " + i, null)))
        .toList();
  }

  private static List<ContentKey> keys(List<PartitionedContent<FilmActor>> contents) {
    return contents.stream().map(PartitionedContent::key).toList();
  }

  @Test
  void thirtyPercentUnprocessedLosesNothingAndDuplicatesNothing(TestTable table) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    ClientOverrideConfiguration faults =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build();
    BatchSettings patient = RepositoryFixture.FAST_RETRIES.withMaxAttempts(30);
    try (DynamoDbClient sync = LocalDynamoDb.shared().newClient(faults);
        DynamoDbAsyncClient async = LocalDynamoDb.shared().newAsyncClient(faults)) {
      DynamoRepository<FilmActor> syncRepo =
          RepositoryFixture.sync(FilmActor.class, table, sync).batchSettings(patient).build();
      AsyncDynamoRepository<FilmActor> asyncRepo =
          RepositoryFixture.async(FilmActor.class, table, async).batchSettings(patient).build();
      List<PartitionedContent<FilmActor>> viaSync = actors("sync", ITEMS);
      List<PartitionedContent<FilmActor>> viaAsync = actors("async", ITEMS);

      long start = System.nanoTime();
      syncRepo.putBatch(viaSync);
      asyncRepo.putBatch(viaAsync).join();
      List<PartitionedContent<FilmActor>> readSync =
          syncRepo.getBatch(keys(viaSync)).flatMap(p -> p.contents().stream()).toList();
      List<PartitionedContent<FilmActor>> readAsync =
          PublisherCollector.collect(asyncRepo.getBatch(keys(viaAsync))).join().stream()
              .flatMap(p -> p.contents().stream())
              .toList();

      assertThat(holdBack.heldBack()).isGreaterThan(4L * ITEMS * 3 / 10);
      assertThat(readSync).containsExactlyElementsOf(viaSync);
      assertThat(readAsync).containsExactlyElementsOf(viaAsync);
      assertThat(table.count()).isEqualTo(2 * ITEMS);
      System.out.println(
          "RELIABILITY 30% unprocessed: "
              + 2 * ITEMS
              + " items written and read exactly once (sync and async) in "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms; "
              + holdBack.heldBack()
              + " items and keys held back and retried");
    }
  }

  private static ClientOverrideConfiguration noSdkRetries(ThrottlingInterceptor throttle) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .addExecutionInterceptor(throttle)
        .build();
  }

  @Test
  void aThrottlingBurstIsRetriedUntilTheBatchCompletes(TestTable table) {
    ThrottlingInterceptor throttle = ThrottlingInterceptor.firstRequests(6);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(noSdkRetries(throttle))) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client)
              .batchSettings(new BatchSettings(1, 10, Duration.ofMillis(5), Duration.ofMillis(50)))
              .build();
      List<PartitionedContent<FilmActor>> contents = actors("p", 100);
      repo.putBatch(contents);
      assertThat(throttle.throttled()).isEqualTo(6);
      assertThat(table.count()).isEqualTo(100);
      assertThat(repo.getBatch(keys(contents)).mapToLong(p -> p.contents().size()).sum())
          .isEqualTo(100);
    }
  }

  @Test
  void permanentThrottlingEndsInAClearExceptionWithinABoundedTime(TestTable table) {
    ThrottlingInterceptor throttle = ThrottlingInterceptor.always();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(noSdkRetries(throttle))) {
      BatchSettings settings =
          new BatchSettings(4, 6, Duration.ofMillis(20), Duration.ofMillis(200));
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).batchSettings(settings).build();
      List<PartitionedContent<FilmActor>> contents = actors("p", 100);
      long start = System.nanoTime();
      assertThatThrownBy(() -> repo.putBatch(contents))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e.unwrittenContents()).containsExactlyInAnyOrderElementsOf(contents);
                assertThat(e).hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
              });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // bounded: a chunk gives up after maxAttempts tries and the others stop then, so no more
      // than 4 chunks × maxAttempts requests are sent (the backoff between them is capped by
      // BatchSettings, see BatchRetryTests); the time is reported, not asserted
      assertThat(throttle.throttled())
          .isBetween((long) settings.maxAttempts(), 4L * settings.maxAttempts());
      System.out.println(
          "RELIABILITY permanent throttling gave up after " + took.toMillis() + " ms");
      assertThat(table.count()).isZero();
    }
  }

  @Test
  void anEngineKilledMidBatchIsReportedExactlyAndTheRestCompletesAfterARestart(@TempDir Path data)
      throws Exception {
    DynaliteServer first = DynaliteServer.start(data, 0);
    int port = first.port();
    LocalDynamoDb firstDb = LocalDynamoDb.of(first);
    TestTable table = firstDb.createTable("killed", "_table_item_id", "_table_content_id");
    java.util.concurrent.atomic.AtomicInteger confirmed =
        new java.util.concurrent.atomic.AtomicInteger();
    ClientOverrideConfiguration quick =
        ClientOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(5))
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .addExecutionInterceptor(
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                  @Override
                  public void afterExecution(
                      software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                      software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                    confirmed.incrementAndGet();
                  }
                })
            .build();
    List<PartitionedContent<FilmActor>> contents = actors("p", KILL_ITEMS);
    UnprocessedItemsException failure;
    try (DynamoDbClient client = firstDb.newClient(quick)) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> repo.putBatch(contents));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (confirmed.get() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(1); // kill once about 1,000 items are confirmed
      }
      first.kill();
      Throwable thrown = null;
      try {
        writing.get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        thrown = e.getCause();
      }
      assertThat(thrown)
          .as("the batch must fail when the engine dies")
          .isInstanceOf(UnprocessedItemsException.class);
      failure = (UnprocessedItemsException) thrown;
    }
    assertThat(failure.unwrittenContents()).isNotEmpty().hasSizeLessThan(KILL_ITEMS);

    try (DynaliteServer second = DynaliteServer.start(data, port);
        DynamoDbClient client = LocalDynamoDb.of(second).newClient(quick)) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      Set<ContentKey> stored = new HashSet<>();
      repo.listContents(List.of("p"), List.of()).forEach(c -> stored.add(c.key()));
      Set<ContentKey> reported = new HashSet<>();
      failure.unwrittenContents().forEach(c -> reported.add(c.key()));
      for (PartitionedContent<FilmActor> content : contents) {
        assertThat(stored.contains(content.key()) || reported.contains(content.key()))
            .as("item %s is neither stored nor reported as unwritten", content.key())
            .isTrue();
      }
      @SuppressWarnings("unchecked")
      List<PartitionedContent<FilmActor>> retry =
          failure.unwrittenContents().stream().map(c -> (PartitionedContent<FilmActor>) c).toList();
      repo.putBatch(retry);
      List<ContentKey> all =
          repo.listContents(List.of("p"), List.of()).map(PartitionedContent::key).toList();
      assertThat(all).hasSize(KILL_ITEMS).doesNotHaveDuplicates();
      System.out.println(
          "RELIABILITY killed engine: "
              + (KILL_ITEMS - failure.unwrittenContents().size())
              + " confirmed, "
              + failure.unwrittenContents().size()
              + " reported unconfirmed ("
              + (failure.unwrittenContents().size() - (KILL_ITEMS - stored.size()))
              + " of them had been stored)");
    }
  }

  @Test
  void sixteenThreadsOfVersionCheckedUpdatesLoseNoUpdate(TestTable table) throws Exception {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    List<String> p = List.of("race");
    List<String> c = List.of("counter");
    repo.put(PartitionedContent.of(p, c, Profile.of("race")));
    int threads = 16;
    int conflicts = VersionedIncrements.run(repo, ContentKey.of(p, c), threads, UPDATES_PER_THREAD);
    PartitionedContent<Profile> end = repo.get(p, c).content().orElseThrow();
    assertThat(end.item().views()).isEqualTo(threads * UPDATES_PER_THREAD);
    assertThat(end.currentVersion()).isEqualTo(1 + threads * UPDATES_PER_THREAD);
    System.out.println(
        "RELIABILITY "
            + threads
            + "x"
            + UPDATES_PER_THREAD
            + " updates: "
            + conflicts
            + " conflicts retried, none lost");
  }

  @Test
  void racingCreatesOfOneKeyHaveExactlyOneWinner(TestTable table) throws Exception {
    DynamoRepository<FilmActor> sync = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    for (int round = 0; round < 10; round++) {
      List<String> id = List.of("race-" + round);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<Boolean>> attempts = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        boolean viaSync = t % 2 == 0;
        PartitionedContent<FilmActor> content =
            PartitionedContent.of(List.of(), id, new FilmActor("a", "writer " + t, null));
        attempts.add(
            pool.submit(
                () -> viaSync ? sync.putIfAbsent(content) : async.putIfAbsent(content).join()));
      }
      List<String> winners = new java.util.ArrayList<>();
      List<String> unknown = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        try {
          if (attempts.get(t).get(1, TimeUnit.MINUTES)) {
            winners.add("writer " + t);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // a connection the engine closed under load: the library says so instead of guessing
          Throwable cause = e.getCause();
          while (cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
          }
          assertThat(cause).isInstanceOf(WriteOutcomeUnknownException.class);
          unknown.add("writer " + t);
        }
      }
      pool.shutdown();
      String stored = sync.getItem(List.of(), id).orElseThrow().name();
      if (unknown.contains(stored)) {
        assertThat(winners).isEmpty(); // the creator is the one told "unknown"
      } else {
        assertThat(winners).containsExactly(stored);
      }
    }
  }
}
