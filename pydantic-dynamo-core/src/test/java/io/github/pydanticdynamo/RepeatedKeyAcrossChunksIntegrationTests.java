package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A key written by two chunks, the first of which gives up on it: the older value is not reported
 * as unwritten when the later one was written (a caller retrying the report would overwrite the
 * newer value), and when the later one failed too only the latest value is reported. Sync (with
 * chunks in flight and one at a time) and async.
 */
@DynamoDbTest
class RepeatedKeyAcrossChunksIntegrationTests {

  private static PartitionedContent<FilmActor> actor(int i, String name) {
    return PartitionedContent.of(
        List.of("p"), List.of(String.format("%04d", i)), new FilmActor("a" + i, name, null));
  }

  /**
   * 61 items in three chunks: the first holds key 7 ("Old"), the second writes key 7 again ("New")
   * among keys 25 to 48, the third keys 49 to 59.
   */
  private static List<PartitionedContent<FilmActor>> contents() {
    List<PartitionedContent<FilmActor>> contents = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      contents.add(actor(i, i == 7 ? "Old" : "Actor " + i));
    }
    for (int i = 25; i < 40; i++) {
      contents.add(actor(i, "Actor " + i));
    }
    contents.add(actor(7, "New"));
    for (int i = 40; i < 60; i++) {
      contents.add(actor(i, "Actor " + i));
    }
    return contents;
  }

  private static Predicate<Map<String, AttributeValue>> key(int id) {
    String suffix = String.format("#%04d", id);
    return item -> item.get("_table_content_id").s().endsWith(suffix);
  }

  private static Predicate<Map<String, AttributeValue>> named(String name) {
    return item -> item.containsKey("name") && name.equals(item.get("name").s());
  }

  /** Writes {@link #contents()} through each writer with {@code held} never processed. */
  private static void eachWriter(
      TestTable table, Predicate<Map<String, AttributeValue>> held, Consumer<ThrowingWrite> check) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.always(table, held);
    ClientOverrideConfiguration config =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(config);
        DynamoDbAsyncClient asyncClient = LocalDynamoDb.shared().newAsyncClient(config)) {
      for (int concurrency : new int[] {4, 1}) {
        DynamoRepository<FilmActor> repo =
            RepositoryFixture.sync(FilmActor.class, table, client)
                .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(concurrency))
                .build();
        check.accept(
            new ThrowingWrite("sync, concurrency " + concurrency, () -> repo.putBatch(contents())));
      }
      AsyncDynamoRepository<FilmActor> async =
          RepositoryFixture.async(FilmActor.class, table, asyncClient).build();
      check.accept(
          new ThrowingWrite(
              "async",
              () -> {
                try {
                  async.putBatch(contents()).join();
                } catch (CompletionException e) {
                  throw (RuntimeException) e.getCause();
                }
              }));
    }
  }

  /** One writer's run of the batch, named for the assertion messages. */
  private record ThrowingWrite(String name, Runnable write) {}

  /** Deletes every item, for the next writer's run. */
  private static void clear(TestTable table) {
    for (Map<String, AttributeValue> item : table.scanAll()) {
      table
          .client()
          .deleteItem(
              b ->
                  b.tableName(table.name())
                      .key(
                          Map.of(
                              table.partitionKey(), item.get(table.partitionKey()),
                              table.sortKey(), item.get(table.sortKey()))));
    }
  }

  private static String storedName(TestTable table, int id) {
    return RepositoryFixture.sync(FilmActor.class, table)
        .build()
        .getItem(List.of("p"), List.of(String.format("%04d", id)))
        .orElseThrow()
        .name();
  }

  @Test
  void aFailedValueWrittenAgainByALaterChunkIsNotReported(TestTable table) {
    eachWriter(
        table,
        key(7).and(named("Old")),
        run -> {
          run.write().run(); // nothing left undone: the key holds its last value
          assertThat(storedName(table, 7)).as(run.name()).isEqualTo("New");
          assertThat(table.count()).as(run.name()).isEqualTo(60);
          clear(table);
        });
  }

  @Test
  void theReportSaysHowManyFailedValuesALaterWriteSuperseded(TestTable table) {
    eachWriter(
        table,
        key(7).and(named("Old")).or(key(3)),
        run -> {
          assertThatThrownBy(() -> run.write().run())
              .as(run.name())
              .isInstanceOfSatisfying(
                  UnprocessedItemsException.class,
                  e -> {
                    assertThat(e.unwrittenContents()).containsExactly(actor(3, "Actor 3"));
                    assertThat(e)
                        .hasMessageStartingWith("1 of 61 items were not written after 5 attempts")
                        .hasMessageContaining(
                            "; 1 item that was not written is left out: a later item of the same"
                                + " key in the batch was written");
                  });
          assertThat(storedName(table, 7)).as(run.name()).isEqualTo("New");
          assertThat(table.count()).as(run.name()).isEqualTo(59);
          clear(table);
        });
  }

  @Test
  void whenTheLaterValueFailsTooOnlyTheLatestIsReported(TestTable table) {
    eachWriter(
        table,
        key(7).or(key(3)),
        run -> {
          assertThatThrownBy(() -> run.write().run())
              .as(run.name())
              .isInstanceOfSatisfying(
                  UnprocessedItemsException.class,
                  e -> {
                    assertThat(e.unwrittenContents())
                        .containsExactlyInAnyOrder(actor(3, "Actor 3"), actor(7, "New"));
                    assertThat(e)
                        .hasMessageStartingWith("2 of 61 items were not written")
                        .hasMessageContaining(
                            "; 1 earlier item is left out: only the latest item of a key is"
                                + " listed");
                  });
          assertThat(table.count()).as(run.name()).isEqualTo(58);
          clear(table);
        });
  }
}
