package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@DynamoDbTest
class AsyncRepositoryIntegrationTests {

  private static String pad(int i) {
    return String.format("%03d", i);
  }

  private static List<PartitionedContent<FilmActor>> actors(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of("p"),
                    List.of(pad(i)),
                    new FilmActor(pad(i), "Actor " + i, i % 2 == 0 ? null : "r")))
        .toList();
  }

  private static <R> List<R> all(Publisher<BatchResponse<R>> pages) {
    return PublisherCollector.collect(pages).join().stream()
        .flatMap(p -> p.items().stream())
        .toList();
  }

  @Test
  void putGetAndBatchesWorkAsInTheSyncRepository(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    PartitionedContent<FilmActor> tom =
        PartitionedContent.of(List.of(), List.of("tom"), new FilmActor("tom", "Tom", null));
    repo.put(tom).join();
    assertThat(repo.get(List.of(), List.of("tom")).join().content()).contains(tom);
    assertThat(repo.getItem(List.of(), List.of("nobody")).join()).isEmpty();

    List<PartitionedContent<FilmActor>> contents = actors(125);
    repo.putBatch(contents).join();
    List<BatchResponse<FilmActor>> pages =
        PublisherCollector.collect(
                repo.getBatch(contents.stream().map(PartitionedContent::key).toList()))
            .join();
    assertThat(pages).extracting(p -> p.contents().size()).containsExactly(100, 25);
    assertThat(pages.stream().flatMap(p -> p.contents().stream()))
        .containsExactlyElementsOf(contents);
    assertThat(repo.delete(List.of("p"), List.of("1")).join()).isEqualTo(25);
    assertThat(table.count()).isEqualTo(101);
  }

  @Test
  void listsWithOrderLimitAndFilter(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    repo.putBatch(actors(137)).join();
    assertThat(all(repo.list(List.of("p"), List.of()))).hasSize(137);
    QueryOptions options =
        QueryOptions.builder()
            .ascending(false)
            .limit(4)
            .filter(FilterCommand.builder().notExists("review").build())
            .build();
    assertThat(all(repo.list(List.of("p"), List.of(), options)))
        .extracting(FilmActor::id)
        .containsExactly("136", "134", "132", "130");
    assertThat(all(repo.listBetween(List.of("p"), List.of("010"), List.of("013"))))
        .extracting(FilmActor::id)
        .containsExactly("010", "011", "012", "013");
  }

  @Test
  void updateConflictsAreToldApart(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    repo.put(PartitionedContent.of(List.of(), List.of("a"), new FilmActor("a", "A", null))).join();
    assertThat(
            repo.update(
                    List.of(),
                    List.of("a"),
                    UpdateCommand.builder().set("review", "x").currentVersion(1L).build())
                .join()
                .currentVersion())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                repo.update(
                        List.of(),
                        List.of("a"),
                        UpdateCommand.builder().set("review", "y").currentVersion(1L).build())
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(
            () ->
                repo.update(
                        List.of(),
                        List.of("zz"),
                        UpdateCommand.builder().set("review", "y").build())
                    .join())
        .cause()
        .isInstanceOf(ItemNotFoundException.class);
  }

  @Test
  void twentyConcurrentUpdatesOnDifferentKeysAllSucceed(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    repo.putBatch(actors(20)).join();
    List<CompletableFuture<PartitionedContent<FilmActor>>> updates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      updates.add(
          repo.update(
              List.of("p"),
              List.of(pad(i)),
              UpdateCommand.builder().set("review", "u" + i).currentVersion(1L).build()));
    }
    CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();
    assertThat(updates).allSatisfy(f -> assertThat(f.join().currentVersion()).isEqualTo(2));
    assertThat(all(repo.list(List.of("p"), List.of())))
        .extracting(FilmActor::review)
        .allMatch(r -> r.startsWith("u"));
  }

  /** Counts the Query requests a client sends. */
  static final class QueryCounter implements ExecutionInterceptor {
    final AtomicInteger queries = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof QueryRequest) {
        queries.incrementAndGet();
      }
    }
  }

  @Test
  void pagesAreRequestedOnlyOnDemandAndNotAfterCancel(TestTable table) throws Exception {
    RepositoryFixture.sync(FilmActor.class, table).build().putBatch(actors(50));
    QueryCounter counter = new QueryCounter();
    try (DynamoDbAsyncClient client =
        LocalDynamoDb.shared()
            .newAsyncClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      BlockingQueue<BatchResponse<FilmActor>> received = new LinkedBlockingQueue<>();
      Subscription[] subscription = new Subscription[1];
      repo.list(List.of("p"), List.of(), QueryOptions.builder().pageSize(10).build())
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
      Thread.sleep(200);
      assertThat(counter.queries).hasValue(0);

      subscription[0].request(1);
      assertThat(received.poll(5, TimeUnit.SECONDS).contents()).hasSize(10);
      Thread.sleep(200);
      assertThat(counter.queries).hasValue(1);

      subscription[0].request(2);
      assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
      Thread.sleep(200);
      assertThat(counter.queries).hasValue(3);

      subscription[0].cancel();
      subscription[0].request(5);
      Thread.sleep(300);
      assertThat(counter.queries).hasValue(3);
      assertThat(received).isEmpty();
    }
  }

  @Test
  void badInputFailsBeforeAnyRequest(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    assertThatThrownBy(
            () ->
                repo.update(
                    List.of(), List.of("a"), UpdateCommand.builder().increment("name", 1).build()))
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(() -> repo.listBetween(List.of(), List.of("b"), List.of("a")))
        .isInstanceOf(InvalidCommandException.class);
  }
}
