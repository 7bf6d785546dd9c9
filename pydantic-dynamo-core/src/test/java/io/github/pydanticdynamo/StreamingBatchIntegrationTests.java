package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Batches stream their source: any {@code Iterable} or {@code Stream} is written a chunk at a time;
 * a collection is still all or nothing for bad input, a single-pass source reports what it wrote
 * before a bad item; a key written twice keeps the last write even with chunks in flight.
 */
@DynamoDbTest
class StreamingBatchIntegrationTests {
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

  /** A single-pass source of {@code count} items made on the fly; counts what was read. */
  private static final class Lazy<C> implements Iterable<PartitionedContent<C>> {
    private final int count;
    private final IntFunction<PartitionedContent<C>> make;
    final AtomicInteger read = new AtomicInteger();
    private boolean iterated;

    Lazy(int count, IntFunction<PartitionedContent<C>> make) {
      this.count = count;
      this.make = make;
    }

    @Override
    public Iterator<PartitionedContent<C>> iterator() {
      assertThat(iterated).as("a single-pass source is read once").isFalse();
      iterated = true;
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return read.get() < count;
        }

        @Override
        public PartitionedContent<C> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return make.apply(read.getAndIncrement());
        }
      };
    }
  }

  @Test
  void aLazyIterableIsWrittenWholeSyncAndAsync(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();

    Lazy<FilmActor> first = new Lazy<>(1_003, StreamingBatchIntegrationTests::actor);
    repo.putBatch(first);
    assertThat(table.count()).isEqualTo(1_003);
    assertThat(first.read).hasValue(1_003);

    Lazy<FilmActor> second = new Lazy<>(2_010, StreamingBatchIntegrationTests::actor);
    async.putBatch(second).join();
    assertThat(table.count()).isEqualTo(2_010);
    assertThat(repo.getItem(List.of("p"), List.of("02009")).orElseThrow().name())
        .isEqualTo("Actor 2009");
  }

  @Test
  void aStreamIsWrittenWholeSyncAndAsync(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();

    repo.putBatch(IntStream.range(0, 260).mapToObj(StreamingBatchIntegrationTests::actor));
    assertThat(table.count()).isEqualTo(260);
    async
        .putBatch(IntStream.range(260, 530).mapToObj(StreamingBatchIntegrationTests::actor))
        .join();
    assertThat(table.count()).isEqualTo(530);
  }

  /** A collection made on the fly: re-readable, so checked whole, yet never held in memory. */
  private static List<PartitionedContent<Blob>> blobsWithOneTooLargeAt(int size, int bad) {
    return new AbstractList<>() {
      @Override
      public PartitionedContent<Blob> get(int index) {
        return blob(index, index == bad);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Test
  void oneBadItemAtPosition99999Of100000WritesNothingSyncAndAsync(TestTable table) {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    AsyncDynamoRepository<Blob> async = RepositoryFixture.async(Blob.class, table).build();
    List<PartitionedContent<Blob>> contents = blobsWithOneTooLargeAt(100_000, 99_999);

    assertThatThrownBy(() -> repo.putBatch(contents)).isInstanceOf(ItemTooLargeException.class);
    assertThat(table.count()).isZero();
    assertThatThrownBy(() -> async.putBatch(contents)).isInstanceOf(ItemTooLargeException.class);
    assertThat(table.count()).isZero();
  }

  @Test
  void aNullItemOfACollectionIsNamedBeforeAnyWrite(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> contents = new ArrayList<>(List.of(actor(0), actor(1)));
    contents.add(null);

    assertThatThrownBy(() -> repo.putBatch(contents))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("contents[2] is null");
    assertThat(table.count()).isZero();
  }

  /** A model Jackson maps with an annotation, so it has no compiled plan: checking it builds it. */
  record Renamed(String id, @JsonProperty("full_name") String name) {}

  @Test
  void aCollectionOfAModelWithoutAPlanIsWrittenWhole(TestTable table) {
    assertThat(ItemMapper.create(Renamed.class, null, Set.of()).noPlanReason()).isNotNull();
    DynamoRepository<Renamed> repo = RepositoryFixture.sync(Renamed.class, table).build();
    AsyncDynamoRepository<Renamed> async = RepositoryFixture.async(Renamed.class, table).build();
    // Past the 1,000 items whose first-pass mapping is kept until their chunk is sent.
    List<PartitionedContent<Renamed>> sync = renamed("sync", 1_300);
    List<PartitionedContent<Renamed>> viaAsync = renamed("async", 1_300);

    repo.putBatch(sync);
    async.putBatch(viaAsync).join();

    assertThat(repo.listContents(List.of("sync"), List.of()).map(PartitionedContent::item))
        .containsExactlyElementsOf(sync.stream().map(PartitionedContent::item).toList());
    assertThat(repo.listContents(List.of("async"), List.of()).map(PartitionedContent::item))
        .containsExactlyElementsOf(viaAsync.stream().map(PartitionedContent::item).toList());
  }

  private static List<PartitionedContent<Renamed>> renamed(String partition, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of(partition),
                    List.of(String.format("%05d", i)),
                    new Renamed("r" + i, "Name " + i)))
        .toList();
  }

  @Test
  void theFirstOfSeveralBadItemsIsTheOneReportedWhateverTheCollection(TestTable table) {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    // An ArrayList is checked last to first (for the CPU's caches), a LinkedList first to last:
    // both name the first bad item, and both write nothing.
    List<PartitionedContent<Blob>> array = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      array.add(i == 7 || i == 2_900 ? null : blob(i, i == 1_000 || i == 2_950));
    }
    for (List<PartitionedContent<Blob>> contents : List.of(array, new LinkedList<>(array))) {
      assertThatThrownBy(() -> repo.putBatch(contents))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageStartingWith("contents[7] is null");
    }
    array.set(7, blob(7, false));
    array.set(2_900, blob(2_900, false));
    for (List<PartitionedContent<Blob>> contents : List.of(array, new LinkedList<>(array))) {
      assertThatThrownBy(() -> repo.putBatch(contents))
          .isInstanceOf(ItemTooLargeException.class)
          .hasMessageContaining("001000");
    }
    assertThat(table.count()).isZero();
  }

  @Test
  void aBadItemOfASinglePassSourceStopsItAndReportsWhatWasWritten(TestTable table) {
    DynamoRepository<Blob> repo =
        RepositoryFixture.sync(Blob.class, table)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
            .build();
    Lazy<Blob> source = new Lazy<>(100, i -> blob(i, i == 60));

    assertThatThrownBy(() -> repo.putBatch(source))
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e)
                  .hasMessageStartingWith("50 of the 60 items read before element 60")
                  .hasCauseInstanceOf(ItemTooLargeException.class);
              assertThat(e.unwrittenContents())
                  .containsExactlyElementsOf(
                      IntStream.range(50, 60).mapToObj(i -> blob(i, false)).toList());
            });
    assertThat(source.read).as("not read past the bad item").hasValue(61);
    assertThat(table.count()).isEqualTo(50);
  }

  @Test
  void asyncABadItemOfASinglePassSourceStopsItAndReportsWhatWasWritten(TestTable table) {
    AsyncDynamoRepository<Blob> repo =
        RepositoryFixture.async(Blob.class, table)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(2))
            .build();
    Lazy<Blob> source = new Lazy<>(200, i -> blob(i, i == 110));

    assertThatThrownBy(() -> repo.putBatch(source).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e)
                  .hasMessageStartingWith("100 of the 110 items read before element 110")
                  .hasCauseInstanceOf(ItemTooLargeException.class);
              assertThat(e.unwrittenContents())
                  .containsExactlyElementsOf(
                      IntStream.range(100, 110).mapToObj(i -> blob(i, false)).toList());
            });
    assertThat(source.read).hasValue(111);
    assertThat(table.count()).isEqualTo(100);
  }

  @Test
  void aBadItemInTheFirstChunkOfASinglePassSourceFailsWithNothingWritten(TestTable table) {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    AsyncDynamoRepository<Blob> async = RepositoryFixture.async(Blob.class, table).build();

    assertThatThrownBy(() -> repo.putBatch(new Lazy<>(100, i -> blob(i, i == 3))))
        .isInstanceOf(ItemTooLargeException.class);
    assertThatThrownBy(() -> async.putBatch(new Lazy<>(100, i -> blob(i, i == 3))).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ItemTooLargeException.class);
    assertThat(table.count()).isZero();
  }

  /** Items 25–49 rewrite the keys of items 0–24 (the chunk before, in flight at the same time). */
  private static PartitionedContent<FilmActor> rewritten(int i) {
    if (i >= 25 && i < 50) {
      return PartitionedContent.of(
          List.of("p"),
          List.of(String.format("%05d", i - 25)),
          new FilmActor("a" + (i - 25), "Last", null));
    }
    return actor(i);
  }

  @Test
  void aKeyWrittenAgainByAChunkInFlightKeepsTheLastWriteSyncAndAsync(TestTable table) {
    DynamoRepository<FilmActor> repo =
        RepositoryFixture.sync(FilmActor.class, table)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(8))
            .build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(8))
            .build();
    for (int round = 0; round < 10; round++) {
      if (round % 2 == 0) {
        repo.putBatch(new Lazy<>(200, StreamingBatchIntegrationTests::rewritten));
      } else {
        async.putBatch(new Lazy<>(200, StreamingBatchIntegrationTests::rewritten)).join();
      }
      assertThat(table.count()).isEqualTo(175);
      Map<String, String> names = new HashMap<>();
      repo.listContents(List.of("p"), List.of())
          .forEach(c -> names.put(c.contentIds().get(0), c.item().name()));
      for (int i = 0; i < 25; i++) {
        assertThat(names.get(String.format("%05d", i))).as("round " + round).isEqualTo("Last");
      }
      repo.delete(List.of("p"), List.of());
    }
  }

  @Test
  void getBatchOfASetReadsEachKeyOnceAndOfAListSkipsKeysAskedAgain(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    repo.putBatch(IntStream.range(0, 250).mapToObj(StreamingBatchIntegrationTests::actor));
    List<ContentKey> keys = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      keys.add(actor(i).key());
      if (i % 3 == 0) {
        keys.add(actor(i / 2).key()); // asked again, read once
      }
    }

    assertThat(repo.getBatch(new LinkedHashSet<>(keys)).mapToInt(p -> p.contents().size()).sum())
        .isEqualTo(250);
    assertThat(repo.getBatch(keys).flatMap(p -> p.contents().stream()).map(c -> c.item().id()))
        .doesNotHaveDuplicates()
        .hasSize(250);
    assertThat(async.collectBatch(keys).join()).hasSize(250);
  }

  @Test
  void aNullKeyOfGetBatchIsNamedBeforeAnyRead(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    List<ContentKey> keys = Arrays.asList(actor(0).key(), null);

    assertThatThrownBy(() -> repo.getBatch(keys))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("keys[1] is null");
    assertThatThrownBy(() -> async.getBatch(keys))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("keys[1] is null");
  }

  @Test
  void aGetBatchThatGivesUpLeadsItsMessageWithTheTotals(TestTable table) {
    RepositoryFixture.sync(FilmActor.class, table)
        .build()
        .putBatch(IntStream.range(0, 250).mapToObj(StreamingBatchIntegrationTests::actor));
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get("_table_content_id").s().equals("actor#00007"));
    try (DynamoDbClient client =
        LocalDynamoDb.shared()
            .newClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build())) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
              .build();
      List<ContentKey> keys = IntStream.range(0, 250).mapToObj(i -> actor(i).key()).toList();
      List<Integer> pages = new ArrayList<>();
      assertThatThrownBy(() -> repo.getBatch(keys).forEach(p -> pages.add(p.contents().size())))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e)
                    .hasMessageStartingWith(
                        "151 of 250 keys were not read after 5 attempts (DynamoDB kept returning"
                            + " them unprocessed); 150 keys after the failed chunk's 1 were not"
                            + " read either");
                assertThat(e.unreadKeys()).hasSize(151).startsWith(actor(7).key());
              });
      assertThat(pages).isEmpty();
    }
  }
}
