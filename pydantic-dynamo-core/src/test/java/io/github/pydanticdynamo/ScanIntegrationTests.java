package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Scans: only this type's items, every one exactly once, in segments, resumable, on demand. */
@DynamoDbTest
class ScanIntegrationTests {

  /** Counts the scan requests sent and what the engine read and returned. */
  static final class ScanRecorder implements ExecutionInterceptor {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger scanned = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();
    final List<ScanRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof ScanRequest scan) {
        requests.incrementAndGet();
        sent.add(scan);
      }
    }

    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (context.response() instanceof ScanResponse scan) {
        scanned.addAndGet(scan.scannedCount());
        returned.addAndGet(scan.count());
      }
      return context.response();
    }
  }

  /** {@code count} actors spread over 7 partitions. */
  private static List<PartitionedContent<FilmActor>> actors(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of("p" + (i % 7)),
                    List.of(String.format("%05d", i)),
                    new FilmActor("a" + i, "Actor " + i, i % 3 == 0 ? "good" : null)))
        .toList();
  }

  private static <T> List<PartitionedContent<T>> contents(List<BatchResponse<T>> pages) {
    return pages.stream().flatMap(p -> p.contents().stream()).toList();
  }

  @Test
  void aScanReturnsOnlyThisTypesItemsAndTheEngineSkipsTheOthers(TestTable table) {
    ScanRecorder recorder = new ScanRecorder();
    try (DynamoDbClient client =
        LocalDynamoDb.shared()
            .newClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build())) {
      DynamoRepository<FilmActor> actors =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      List<PartitionedContent<FilmActor>> written = actors(40);
      actors.putBatch(written);
      // other types in the same partitions, and the same type under another prefix and name
      RepositoryFixture.sync(Profile.class, table)
          .partitionName("actors")
          .build()
          .putBatch(
              IntStream.range(0, 30)
                  .mapToObj(
                      i ->
                          PartitionedContent.of(
                              List.of("p" + (i % 7)), List.of("x" + i), Profile.of("x" + i)))
                  .toList());
      RepositoryFixture.sync(FilmActor.class, table)
          .partitionPrefix("other-app")
          .build()
          .putBatch(actors(10));
      RepositoryFixture.sync(FilmActor.class, table)
          .partitionName("actors2")
          .build()
          .putBatch(actors(10));

      List<PartitionedContent<FilmActor>> scanned =
          actors.scanContents(ScanOptions.defaults()).toList();

      assertThat(scanned).containsExactlyInAnyOrderElementsOf(written);
      assertThat(recorder.scanned.get()).isEqualTo(90);
      assertThat(recorder.returned.get()).isEqualTo(40);
    }
  }

  @Test
  void aParallelScanReadsEveryItemExactlyOnceSyncAndAsync(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> written = actors(1000);
    actors.putBatch(written);
    ScanOptions parallel = ScanOptions.builder().parallel(8).maxConcurrency(3).pageSize(40).build();

    List<PartitionedContent<FilmActor>> sync = actors.scanContents(parallel).toList();
    List<PartitionedContent<FilmActor>> fromPublisher =
        contents(PublisherCollector.collect(async.scan(parallel)).join());

    assertThat(sync)
        .hasSize(1000)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(written);
    assertThat(fromPublisher).hasSize(1000).containsExactlyInAnyOrderElementsOf(written);
  }

  @Test
  void workersEachScanningOneSegmentTogetherReadEveryItemOnce(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> written = actors(300);
    actors.putBatch(written);

    List<PartitionedContent<FilmActor>> all = new ArrayList<>();
    for (int segment = 0; segment < 4; segment++) {
      all.addAll(actors.scanContents(ScanOptions.builder().segment(segment, 4).build()).toList());
    }

    assertThat(all).hasSize(300).containsExactlyInAnyOrderElementsOf(written);
  }

  @Test
  void limitsAreExactAndTokensResumeSequentialAndParallelScans(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> written = actors(200);
    actors.putBatch(written);

    for (ScanOptions.Builder shape :
        List.of(
            ScanOptions.builder().pageSize(9),
            ScanOptions.builder().parallel(5).pageSize(9),
            ScanOptions.builder().parallel(5).maxConcurrency(1))) {
      List<PartitionedContent<FilmActor>> read = new ArrayList<>();
      String token = null;
      int calls = 0;
      do {
        List<BatchResponse<FilmActor>> pages =
            actors.scan(shape.limit(23).startToken(token).build()).toList();
        List<PartitionedContent<FilmActor>> got = contents(pages);
        assertThat(got.size()).isLessThanOrEqualTo(23);
        if (pages.get(pages.size() - 1).nextToken().isPresent()) {
          assertThat(got).hasSize(23);
        }
        read.addAll(got);
        token = pages.get(pages.size() - 1).nextToken().orElse(null);
        calls++;
      } while (token != null);
      assertThat(read).hasSize(200).containsExactlyInAnyOrderElementsOf(written);
      assertThat(calls).isEqualTo(9);
    }
  }

  @Test
  void filtersApplyToScans(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> written = actors(90);
    actors.putBatch(written);

    List<PartitionedContent<FilmActor>> reviewed =
        actors
            .scanContents(
                ScanOptions.builder()
                    .parallel(3)
                    .limit(25)
                    .filter(FilterCommand.builder().equalTo("review", "good").build())
                    .build())
            .toList();

    assertThat(reviewed).hasSize(25).allMatch(c -> "good".equals(c.item().review()));
  }

  @Test
  void aTokenOfAnotherScanOrOfAQueryIsRefused(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    actors.putBatch(actors(30));
    String parallelToken =
        actors
            .scan(ScanOptions.builder().parallel(4).limit(5).build())
            .toList()
            .get(0)
            .nextToken()
            .orElseThrow();
    String listToken =
        actors
            .list(List.of("p0"), List.of(), QueryOptions.builder().limit(1).build())
            .toList()
            .get(0)
            .nextToken()
            .orElseThrow();

    assertThatThrownBy(
            () -> actors.scan(ScanOptions.builder().parallel(8).startToken(parallelToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("8 segments");
    assertThatThrownBy(
            () ->
                actors.scan(ScanOptions.builder().segment(0, 4).startToken(parallelToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("segment 0 of 4");
    assertThatThrownBy(() -> actors.scan(ScanOptions.builder().startToken(listToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
    assertThatThrownBy(
            () ->
                actors.list(
                    List.of("p0"),
                    List.of(),
                    QueryOptions.builder().startToken(parallelToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken");
    assertThatThrownBy(
            () ->
                RepositoryFixture.sync(Profile.class, table)
                    .build()
                    .scan(ScanOptions.builder().parallel(4).startToken(parallelToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("Profile#");
  }

  @Test
  void anAsyncScanAsksForNothingBeforeDemandAndAtMostItsConcurrencyAhead(TestTable table)
      throws InterruptedException {
    ScanRecorder recorder = new ScanRecorder();
    try (DynamoDbAsyncClient client =
        LocalDynamoDb.shared()
            .newAsyncClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build())) {
      RepositoryFixture.sync(FilmActor.class, table).build().putBatch(actors(200));
      AsyncDynamoRepository<FilmActor> async =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      List<BatchResponse<FilmActor>> received = new CopyOnWriteArrayList<>();
      Subscription[] subscription = new Subscription[1];
      async
          .scan(ScanOptions.builder().parallel(6).maxConcurrency(2).pageSize(10).build())
          .subscribe(
              new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription s) {
                  subscription[0] = s;
                }

                @Override
                public void onNext(BatchResponse<FilmActor> page) {
                  received.add(page);
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onComplete() {}
              });

      TimeUnit.MILLISECONDS.sleep(200);
      assertThat(recorder.requests.get()).isZero();

      subscription[0].request(1);
      awaitPages(received, 1);
      TimeUnit.MILLISECONDS.sleep(200);
      assertThat(received).hasSize(1);
      assertThat(recorder.requests.get()).isBetween(1, 2);

      subscription[0].request(3);
      awaitPages(received, 4);
      TimeUnit.MILLISECONDS.sleep(200);
      assertThat(received).hasSize(4);
      assertThat(recorder.requests.get()).isBetween(4, 5);
      subscription[0].cancel();
      Set<String> segments = new HashSet<>();
      recorder.sent.forEach(r -> segments.add(r.segment() + "/" + r.totalSegments()));
      assertThat(segments).allMatch(s -> s.endsWith("/6"));
    }
  }

  private static void awaitPages(List<?> received, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < count && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
