package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A request that fails for good ends the batch: the failed chunk and every chunk not yet sent are
 * reported, exactly, and the chunks written before stay written.
 */
@DynamoDbTest
class BatchAbortIntegrationTests {
  private static final int ITEMS = 250; // 10 chunks of 25

  private static List<PartitionedContent<FilmActor>> actors() {
    return RepositoryFixture.actors(ITEMS);
  }

  private static DynamoDbException injectedFailure() {
    return (DynamoDbException)
        DynamoDbException.builder().message("injected failure").statusCode(400).build();
  }

  @Test
  void aFailedChunkAndTheChunksNeverSentAreReportedExactly(TestTable table) {
    AtomicInteger calls = new AtomicInteger();
    DynamoDbClient engine = LocalDynamoDb.shared().client();
    DynamoDbClient failingThirdWrite =
        BatchWriteClients.sync(
            request -> {
              if (calls.incrementAndGet() == 3) {
                throw injectedFailure();
              }
              return engine.batchWriteItem(request);
            },
            engine);
    DynamoRepository<FilmActor> repo =
        RepositoryFixture.sync(FilmActor.class, table, failingThirdWrite)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
            .build();
    List<PartitionedContent<FilmActor>> contents = actors();

    assertThatThrownBy(() -> repo.putBatch(contents))
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e.unwrittenContents())
                  .containsExactlyInAnyOrderElementsOf(contents.subList(50, ITEMS));
              assertThat(e)
                  .hasMessageStartingWith("200 of 250 items were not written because a request")
                  .hasCauseInstanceOf(DynamoDbException.class);
            });
    assertThat(calls).hasValue(3);
    assertThat(table.count()).isEqualTo(50);
  }

  @Test
  void aDeleteReportsTheKeysOfTheFailedChunkAndOfTheChunksNeverSentExactly(TestTable table) {
    List<PartitionedContent<FilmActor>> contents = actors();
    RepositoryFixture.sync(FilmActor.class, table).build().putBatch(contents);
    AtomicInteger calls = new AtomicInteger();
    DynamoDbClient engine = LocalDynamoDb.shared().client();
    DynamoDbClient failingSecondWrite =
        BatchWriteClients.sync(
            request -> {
              if (calls.incrementAndGet() == 2) {
                throw injectedFailure();
              }
              return engine.batchWriteItem(request);
            },
            engine);
    DynamoRepository<FilmActor> repo =
        RepositoryFixture.sync(FilmActor.class, table, failingSecondWrite)
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
            .build();

    assertThatThrownBy(() -> repo.delete(List.of("p"), List.of()))
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e.undeletedKeys())
                  .containsExactlyInAnyOrderElementsOf(
                      contents.subList(25, ITEMS).stream().map(PartitionedContent::key).toList());
              assertThat(e).hasMessageStartingWith("225 of 250 items were not deleted");
            });
    assertThat(table.count()).isEqualTo(225);
  }

  @Test
  void asyncAFailedChunkAndTheChunksNeverSentAreReportedExactly(TestTable table) {
    AtomicInteger calls = new AtomicInteger();
    DynamoDbAsyncClient engine = LocalDynamoDb.shared().asyncClient();
    AsyncDynamoRepository<FilmActor> repo =
        RepositoryFixture.async(
                FilmActor.class,
                table,
                BatchWriteClients.async(
                    request ->
                        calls.incrementAndGet() == 3
                            ? CompletableFuture.failedFuture(injectedFailure())
                            : engine.batchWriteItem(request)))
            .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
            .build();
    List<PartitionedContent<FilmActor>> contents = actors();

    assertThatThrownBy(() -> repo.putBatch(contents).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e.unwrittenContents())
                  .containsExactlyInAnyOrderElementsOf(contents.subList(50, ITEMS));
              assertThat(e).hasMessageStartingWith("200 of 250 items were not written");
            });
    assertThat(calls).hasValue(3);
    assertThat(table.count()).isEqualTo(50);
  }
}
