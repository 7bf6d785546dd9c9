package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The async repository's {@code collect…} methods, on the engine: bounded lists, no subscriber. */
@DynamoDbTest
class AsyncCollectIntegrationTests {

  private static List<String> ids(List<PartitionedContent<FilmActor>> contents) {
    return contents.stream().map(c -> c.item().id()).toList();
  }

  @Test
  void collectListGathersExactlyTheLimitAcrossPages(TestTable table) {
    AtomicInteger queries = new AtomicInteger();
    ExecutionInterceptor countQueries =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest) {
              queries.incrementAndGet();
            }
          }
        };
    try (DynamoDbAsyncClient client =
        io.github.pydanticdynamo.test.LocalDynamoDb.shared()
            .newAsyncClient(
                ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(countQueries)
                    .build())) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      repo.putBatch(RepositoryFixture.actors(60)).join();

      List<PartitionedContent<FilmActor>> first =
          repo.collectList(List.of("p"), List.of(), 25).join();
      assertThat(ids(first)).hasSize(25).startsWith("a0", "a1", "a2").endsWith("a24");

      queries.set(0);
      QueryOptions newestInPagesOfSeven =
          QueryOptions.builder().ascending(false).limit(20).pageSize(7).build();
      List<PartitionedContent<FilmActor>> newest =
          repo.collectList(List.of("p"), List.of(), newestInPagesOfSeven).join();
      assertThat(ids(newest)).hasSize(20).startsWith("a59", "a58").endsWith("a40");
      assertThat(queries.get()).isEqualTo(3);
    }
  }

  @Test
  void collectListReturnsFewerWhenThePartitionHoldsFewer(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    repo.putBatch(RepositoryFixture.actors(12)).join();
    assertThat(repo.collectList(List.of("p"), List.of("000"), 100).join()).hasSize(10);
    assertThat(repo.collectList(List.of("nobody"), List.of(), 100).join()).isEmpty();
  }

  @Test
  void collectListBetweenKeepsBoundsOrderAndFilter(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> contents = new ArrayList<>(RepositoryFixture.actors(30));
    contents.set(12, contents.get(12).withItem(new FilmActor("a12", "Actor 12", "reviewed")));
    repo.putBatch(contents).join();

    assertThat(
            ids(repo.collectListBetween(List.of("p"), List.of("0010"), List.of("0019"), 4).join()))
        .containsExactly("a10", "a11", "a12", "a13");
    QueryOptions unreviewedDescending =
        QueryOptions.builder()
            .ascending(false)
            .limit(5)
            .filter(FilterCommand.builder().notExists("review").build())
            .build();
    assertThat(
            ids(
                repo.collectListBetween(
                        List.of("p"), List.of("0010"), List.of("0019"), unreviewedDescending)
                    .join()))
        .containsExactly("a19", "a18", "a17", "a16", "a15");
    assertThat(
            ids(
                repo.collectListBetween(
                        List.of("p"),
                        List.of("0011"),
                        List.of("0013"),
                        QueryOptions.builder()
                            .limit(10)
                            .filter(FilterCommand.builder().notExists("review").build())
                            .build())
                    .join()))
        .containsExactly("a11", "a13");
  }

  @Test
  void collectBatchGathersEveryChunkAndLeavesOutMissingKeys(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> contents = RepositoryFixture.actors(230);
    repo.putBatch(contents).join();
    List<ContentKey> keys =
        new ArrayList<>(contents.stream().map(PartitionedContent::key).toList());
    keys.add(ContentKey.of(List.of("p"), List.of("missing")));

    List<PartitionedContent<FilmActor>> found = repo.collectBatch(keys).join();
    assertThat(found).containsExactlyInAnyOrderElementsOf(contents);
    assertThat(repo.collectBatch(List.of()).join()).isEmpty();
  }

  @Test
  void unboundedOptionsAreRefusedBeforeAnyRequest(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    QueryOptions descending = QueryOptions.builder().ascending(false).build();
    assertThatThrownBy(() -> repo.collectList(List.of("p"), List.of(), descending))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("collectList")
        .hasMessageContaining("no limit");
    assertThatThrownBy(
            () -> repo.collectListBetween(List.of("p"), List.of("a"), List.of("b"), descending))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("collectListBetween");
    assertThatThrownBy(() -> repo.collectList(List.of("p"), List.of(), 0))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("limit 0");
  }
}
