package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * delete(partitionIds, contentPrefix) over several pages of its keys-only query (2,000 items of
 * about 2 KB: the query reads 1 MB of items a page): it deletes each page while it reads the next,
 * counts exactly, touches nothing outside the prefix, retries unprocessed deletes and, when it
 * stops, reports what it deleted and what it read but did not delete.
 */
@DynamoDbTest
class PrefixDeleteIntegrationTests {
  private static final int ITEMS = 2_000;
  private static final String PAYLOAD = "x".repeat(2_000);

  private static PartitionedContent<Blob> blob(String partition, String id) {
    return PartitionedContent.of(List.of(partition), List.of(id), new Blob(id, PAYLOAD));
  }

  /** 2,000 items under p/"d…", and 30 outside the prefix: p/"e…" and q/"d…". */
  private static void fill(TestTable table) {
    List<PartitionedContent<Blob>> contents = new ArrayList<>();
    IntStream.range(0, ITEMS).forEach(i -> contents.add(blob("p", String.format("d%05d", i))));
    IntStream.range(0, 15).forEach(i -> contents.add(blob("p", String.format("e%05d", i))));
    IntStream.range(0, 15).forEach(i -> contents.add(blob("q", String.format("d%05d", i))));
    RepositoryFixture.sync(Blob.class, table).build().putBatch(contents);
  }

  private static long stored(TestTable table, String partition, String prefix) {
    return RepositoryFixture.sync(Blob.class, table)
        .build()
        .listContents(List.of(partition), List.of(prefix))
        .count();
  }

  private static void assertOnlyThePrefixWasDeleted(TestTable table) {
    assertThat(stored(table, "p", "d")).isZero();
    assertThat(stored(table, "p", "e")).isEqualTo(15);
    assertThat(stored(table, "q", "d")).isEqualTo(15);
  }

  private static ClientOverrideConfiguration with(ExecutionInterceptor interceptor) {
    return ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build();
  }

  @Test
  void syncDeletesEachPageWhileItReadsTheNextAndCountsExactly(TestTable table) {
    fill(table);
    Requests requests = new Requests(null, 0);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(requests))) {
      long deleted =
          RepositoryFixture.sync(Blob.class, table, client)
              .build()
              .delete(List.of("p"), List.of("d"));

      assertThat(deleted).isEqualTo(ITEMS);
    }
    assertOnlyThePrefixWasDeleted(table);
    requests.assertSeveralPagesInterleavedWithDeletes();
  }

  @Test
  void asyncDeletesEachPageWhileItReadsTheNextAndCountsExactly(TestTable table) {
    fill(table);
    Requests requests = new Requests(null, 0);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(requests))) {
      long deleted =
          RepositoryFixture.async(Blob.class, table, client)
              .build()
              .delete(List.of("p"), List.of("d"))
              .join();

      assertThat(deleted).isEqualTo(ITEMS);
    }
    assertOnlyThePrefixWasDeleted(table);
    requests.assertSeveralPagesInterleavedWithDeletes();
  }

  @Test
  void syncRetriesUnprocessedDeletesOnEveryPage(TestTable table) {
    fill(table);
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(holdBack))) {
      long deleted =
          RepositoryFixture.sync(Blob.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build()
              .delete(List.of("p"), List.of("d"));

      assertThat(deleted).isEqualTo(ITEMS);
    }
    assertThat(holdBack.heldBack()).isGreaterThan(ITEMS / 4);
    assertOnlyThePrefixWasDeleted(table);
  }

  @Test
  void asyncRetriesUnprocessedDeletesOnEveryPage(TestTable table) {
    fill(table);
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(holdBack))) {
      long deleted =
          RepositoryFixture.async(Blob.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build()
              .delete(List.of("p"), List.of("d"))
              .join();

      assertThat(deleted).isEqualTo(ITEMS);
    }
    assertThat(holdBack.heldBack()).isGreaterThan(ITEMS / 4);
    assertOnlyThePrefixWasDeleted(table);
  }

  @Test
  void syncKeysWhoseRetriesRunOutAreReportedAfterEveryOtherPageWasDeleted(TestTable table) {
    fill(table);
    UnprocessedWorkInterceptor stuck =
        UnprocessedWorkInterceptor.always(
            table, key -> key.get(table.sortKey()).s().matches(".*d0(0007|1500)$"));
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(stuck))) {
      DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table, client).build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e.undeletedKeys())
                    .containsExactlyInAnyOrder(
                        blob("p", "d00007").key(), blob("p", "d01500").key());
                assertThat(e)
                    .hasMessageStartingWith(
                        "2 of 2000 items were not deleted (1998 were) after 5 attempts")
                    .hasMessageNotContaining("not read past");
              });
    }
    assertThat(stored(table, "p", "d")).isEqualTo(2);
  }

  @Test
  void asyncKeysWhoseRetriesRunOutAreReportedAfterEveryOtherPageWasDeleted(TestTable table) {
    fill(table);
    UnprocessedWorkInterceptor stuck =
        UnprocessedWorkInterceptor.always(
            table, key -> key.get(table.sortKey()).s().matches(".*d0(0007|1500)$"));
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(stuck))) {
      AsyncDynamoRepository<Blob> repo = RepositoryFixture.async(Blob.class, table, client).build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e.undeletedKeys())
                    .containsExactlyInAnyOrder(
                        blob("p", "d00007").key(), blob("p", "d01500").key());
                assertThat(e)
                    .hasMessageStartingWith(
                        "2 of 2000 items were not deleted (1998 were) after 5 attempts");
              });
    }
    assertThat(stored(table, "p", "d")).isEqualTo(2);
  }

  @Test
  void syncAFailedDeleteStopsAndReportsTheKeysReadButNotDeleted(TestTable table) {
    fill(table);
    Requests requests = new Requests("BatchWriteItem", 3);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(requests))) {
      DynamoRepository<Blob> repo =
          RepositoryFixture.sync(Blob.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
              .build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class, e -> assertStoppedAfterTwoChunks(table, e));
    }
    assertThat(stored(table, "p", "d")).isEqualTo(ITEMS - 50);
  }

  @Test
  void asyncAFailedDeleteStopsAndReportsTheKeysReadButNotDeleted(TestTable table) {
    fill(table);
    Requests requests = new Requests("BatchWriteItem", 3);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(requests))) {
      AsyncDynamoRepository<Blob> repo =
          RepositoryFixture.async(Blob.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
              .build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class, e -> assertStoppedAfterTwoChunks(table, e));
    }
    assertThat(stored(table, "p", "d")).isEqualTo(ITEMS - 50);
  }

  /**
   * The third chunk failed: 50 deleted; the rest of the first page (and, async, of no other page)
   * reported as read and not deleted; every reported key still stored; the query's stop said.
   */
  private static void assertStoppedAfterTwoChunks(TestTable table, UnprocessedItemsException e) {
    int undeleted = e.undeletedKeys().size();
    assertThat(undeleted).isGreaterThan(50).isLessThan(ITEMS - 50);
    assertThat(e)
        .hasMessageStartingWith(
            undeleted
                + " of "
                + (undeleted + 50)
                + " items were not deleted (50 were) because a request failed")
        .hasMessageContaining("injected failure")
        .hasMessageContaining("the query was not read past these " + (undeleted + 50) + " items");
    assertThat(e.undeletedKeys()).doesNotHaveDuplicates();
    assertThat(
            RepositoryFixture.sync(Blob.class, table)
                .build()
                .getBatch(e.undeletedKeys())
                .mapToLong(page -> page.contents().size())
                .sum())
        .isEqualTo(undeleted);
  }

  @Test
  void syncAQueryFailureAfterSomePagesReportsWhatWasDeleted(TestTable table) {
    fill(table);
    Requests requests = new Requests("Query", 2);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(requests))) {
      DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table, client).build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class, e -> assertQueryFailedAfterThePage(table, e));
    }
  }

  @Test
  void asyncAQueryFailureAfterSomePagesReportsWhatWasDeleted(TestTable table) {
    fill(table);
    Requests requests = new Requests("Query", 2);
    try (DynamoDbAsyncClient client = LocalDynamoDb.shared().newAsyncClient(with(requests))) {
      AsyncDynamoRepository<Blob> repo = RepositoryFixture.async(Blob.class, table, client).build();

      assertThatThrownBy(() -> repo.delete(List.of("p"), List.of("d")).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class, e -> assertQueryFailedAfterThePage(table, e));
    }
  }

  @Test
  void aQueryFailureBeforeAnyDeleteIsThrownAsItIs(TestTable table) {
    fill(table);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(new Requests("Query", 1)));
        DynamoDbAsyncClient async =
            LocalDynamoDb.shared().newAsyncClient(with(new Requests("Query", 1)))) {
      assertThatThrownBy(
              () ->
                  RepositoryFixture.sync(Blob.class, table, client)
                      .build()
                      .delete(List.of("p"), List.of("d")))
          .isInstanceOf(DynamoDbException.class)
          .hasMessageContaining("injected failure");
      assertThatThrownBy(
              () ->
                  RepositoryFixture.async(Blob.class, table, async)
                      .build()
                      .delete(List.of("p"), List.of("d"))
                      .join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(DynamoDbException.class);
    }
    assertThat(stored(table, "p", "d")).isEqualTo(ITEMS);
  }

  /**
   * The query failed on its second page: the first page's keys were deleted but for those of a
   * chunk still being filled when the failure came (the sync delete reads chunks across pages),
   * which are reported and still stored.
   */
  private static void assertQueryFailedAfterThePage(TestTable table, UnprocessedItemsException e) {
    long deleted = ITEMS - stored(table, "p", "d");
    int undeleted = e.undeletedKeys().size();
    assertThat(deleted).isGreaterThan(0).isLessThan(ITEMS);
    assertThat(undeleted).isLessThan(25);
    assertThat(e)
        .hasMessageStartingWith(
            deleted
                + " of the "
                + (deleted + undeleted)
                + " items read were deleted and "
                + undeleted
                + " were not when the query of the keys failed")
        .hasMessageContaining("injected failure")
        .hasMessageContaining("not read past these " + (deleted + undeleted) + " items");
    assertThat(
            RepositoryFixture.sync(Blob.class, table)
                .build()
                .getBatch(e.undeletedKeys())
                .mapToLong(page -> page.contents().size())
                .sum())
        .isEqualTo(undeleted);
  }

  /**
   * Logs the operation of every request in the order they are sent, and fails the {@code failAt}th
   * request of operation {@code failing} (1-based) before it is sent.
   */
  private static final class Requests implements ExecutionInterceptor {
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final @Nullable String failing;
    private final int failAt;

    Requests(@Nullable String failing, int failAt) {
      this.failing = failing;
      this.failAt = failAt;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String operation = context.request().getClass().getSimpleName().replace("Request", "");
      sent.add(operation);
      int count = counts.merge(operation, 1, Integer::sum);
      if (operation.equals(failing) && count == failAt) {
        throw DynamoDbException.builder().message("injected failure").statusCode(400).build();
      }
    }

    /** At least three pages, and deletes sent before the last page was asked for. */
    void assertSeveralPagesInterleavedWithDeletes() {
      List<String> order = List.copyOf(sent);
      assertThat(order.stream().filter("Query"::equals).count()).isGreaterThanOrEqualTo(3);
      assertThat(order.indexOf("BatchWriteItem"))
          .as("a delete before the last page is read: %s", compact(order))
          .isLessThan(order.lastIndexOf("Query"));
    }

    private static String compact(List<String> order) {
      return order.stream()
          .map(Function.<String>identity())
          .map(name -> name.equals("Query") ? "Q" : "W")
          .reduce("", String::concat);
    }
  }
}
