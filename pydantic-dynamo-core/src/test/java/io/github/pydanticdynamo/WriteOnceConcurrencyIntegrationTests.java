package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The sync {@link WriteOnceRepository} spreads its conditional puts over the repository's batch
 * pool: they overlap, never more than the batch concurrency at once, and each key is still told
 * written or conflict, in input order.
 */
@DynamoDbTest
class WriteOnceConcurrencyIntegrationTests {
  private static final int ITEMS = 200;

  private static List<PartitionedContent<FilmActor>> input(int count) {
    return RepositoryFixture.actors(count);
  }

  private static ClientOverrideConfiguration with(ExecutionInterceptor interceptor) {
    return ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build();
  }

  @Test
  void thePutsOverlapOnTheBatchPoolAndStayWithinItsConcurrency(TestTable table) {
    PutProbe probe = PutProbe.holdingTheFirstPut(put -> {});
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(probe))) {
      WriteOnceRepository<FilmActor> once =
          new WriteOnceRepository<>(
              RepositoryFixture.sync(FilmActor.class, table, client)
                  .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(4))
                  .build());

      assertThat(once.write(input(ITEMS))).containsExactlyElementsOf(input(ITEMS));
    }
    assertThat(probe.puts()).isEqualTo(ITEMS);
    assertThat(probe.maxInFlight()).as("puts in flight at once").isBetween(2, 4);
    assertThat(table.count()).isEqualTo(ITEMS);
  }

  @Test
  void atConcurrencyOneThePutsGoOneAfterTheOther(TestTable table) {
    PutProbe probe = PutProbe.counting();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(probe))) {
      WriteOnceRepository<FilmActor> once =
          new WriteOnceRepository<>(
              RepositoryFixture.sync(FilmActor.class, table, client)
                  .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(1))
                  .build());

      assertThat(once.write(input(30))).containsExactlyElementsOf(input(30));
    }
    assertThat(probe.puts()).isEqualTo(30);
    assertThat(probe.maxInFlight()).isEqualTo(1);
  }

  @Test
  void aRepositoryThatIsNotOneOfOursGetsAPoolOfTheCallsOwn(TestTable table) {
    PutProbe probe = PutProbe.holdingTheFirstPut(put -> {});
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(probe))) {
      DynamoRepository<FilmActor> ours =
          RepositoryFixture.sync(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(3))
              .build();
      WriteOnceRepository<FilmActor> once = new WriteOnceRepository<>(wrapped(ours));

      assertThat(once.write(input(60))).containsExactlyElementsOf(input(60));
    }
    assertThat(probe.maxInFlight()).isBetween(2, 3);
    assertThat(table.count()).isEqualTo(60);
  }

  @Test
  void eachKeyIsStillToldWrittenOrConflictInInputOrder(TestTable table) {
    DynamoRepository<FilmActor> competitor = RepositoryFixture.sync(FilmActor.class, table).build();
    // another writer stores a different content under two keys just before their puts are sent
    PutProbe probe =
        PutProbe.holdingTheFirstPut(
            put -> {
              String sortKey = put.item().get(table.sortKey()).s();
              if (sortKey.endsWith("0007") || sortKey.endsWith("0150")) {
                String id = sortKey.substring(sortKey.length() - 4);
                competitor.put(
                    PartitionedContent.of(
                        List.of("p"), List.of(id), new FilmActor("other", "Other", null)));
              }
            });
    List<PartitionedContent<FilmActor>> input = input(ITEMS);
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(with(probe))) {
      WriteOnceRepository<FilmActor> once =
          new WriteOnceRepository<>(
              RepositoryFixture.sync(FilmActor.class, table, client)
                  .batchSettings(RepositoryFixture.FAST_RETRIES.withConcurrency(4))
                  .build());

      assertThatThrownBy(() -> once.write(input))
          .isInstanceOfSatisfying(
              ConcurrentWriteException.class,
              e -> {
                assertThat(e.conflicts()).containsExactly(input.get(7).key(), input.get(150).key());
                assertThat(e.unknownOutcomes()).isEmpty();
                assertThat(e.written())
                    .containsExactlyElementsOf(
                        input.stream()
                            .filter(c -> c != input.get(7) && c != input.get(150))
                            .toList());
                assertThat(e).hasMessageContaining("198 item(s) were written by this call");
              });
    }
    assertThat(probe.maxInFlight()).isBetween(2, 4);
    assertThat(competitor.get(List.of("p"), List.of("0007")).content().orElseThrow().item().name())
        .isEqualTo("Other");
  }

  /** A repository of ours behind a plain delegating proxy, as an observing wrapper would be. */
  @SuppressWarnings("unchecked")
  private static DynamoRepository<FilmActor> wrapped(DynamoRepository<FilmActor> delegate) {
    return (DynamoRepository<FilmActor>)
        Proxy.newProxyInstance(
            DynamoRepository.class.getClassLoader(),
            new Class<?>[] {DynamoRepository.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /**
   * Counts the PutItem requests in flight at once. When holding, it keeps the first put from being
   * sent until a second one is in flight too (or 10 s have passed), so puts that can overlap are
   * seen to overlap however fast the engine answers, and puts that go one after the other are seen
   * not to.
   */
  private static final class PutProbe implements ExecutionInterceptor {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CountDownLatch second = new CountDownLatch(1);
    private final boolean hold;
    private final Consumer<PutItemRequest> before;

    private PutProbe(boolean hold, Consumer<PutItemRequest> before) {
      this.hold = hold;
      this.before = before;
    }

    static PutProbe counting() {
      return new PutProbe(false, put -> {});
    }

    static PutProbe holdingTheFirstPut(Consumer<PutItemRequest> before) {
      return new PutProbe(true, before);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof PutItemRequest put)) {
        return;
      }
      puts.incrementAndGet();
      int now = inFlight.incrementAndGet();
      max.accumulateAndGet(now, Math::max);
      if (now >= 2) {
        second.countDown();
      }
      before.accept(put);
      if (hold && first.getAndSet(false)) {
        try {
          second.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof PutItemRequest) {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof PutItemRequest) {
        inFlight.decrementAndGet();
      }
    }

    int puts() {
      return puts.get();
    }

    int maxInFlight() {
      return max.get();
    }
  }
}
