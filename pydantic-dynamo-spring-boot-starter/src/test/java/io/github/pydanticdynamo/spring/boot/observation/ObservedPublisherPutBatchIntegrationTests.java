package io.github.pydanticdynamo.spring.boot.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.spring.boot.fixtures.indexed.Review;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** putBatch from a Publisher through the observed async repository: observed, and cancellable. */
class ObservedPublisherPutBatchIntegrationTests {
  private final LocalDynamoDb db = LocalDynamoDb.shared();
  private final TestTable table =
      db.createTable(TableLayout.defaults().createTableRequest("observed-" + UUID.randomUUID()));
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final AsyncDynamoRepository<Review> reviews =
      new ObservedAsyncDynamoRepository<>(
          AsyncDynamoRepository.builder(Review.class)
              .client(db.asyncClient())
              .tableName(table.name())
              .partitionPrefix("films")
              .build(),
          registry);

  @AfterEach
  void dropTable() {
    table.delete();
  }

  /** {@code count} reviews, made inside {@code request()} on the requesting thread. */
  private static Publisher<PartitionedContent<Review>> reviews(int count) {
    return subscriber ->
        subscriber.onSubscribe(
            new Subscription() {
              private int next;
              private long demand;
              private boolean done;

              @Override
              public void request(long n) {
                demand += n;
                while (demand > 0 && !done) {
                  demand--;
                  int i = next++;
                  subscriber.onNext(
                      PartitionedContent.of(
                          List.of("tom"), List.of("r" + i), new Review("r" + i, "alice", i % 5)));
                  if (next == count) {
                    done = true;
                    subscriber.onComplete();
                  }
                }
              }

              @Override
              public void cancel() {
                done = true;
              }
            });
  }

  @Test
  void aPublisherIsWrittenAndObservedAsPutBatch() {
    reviews.putBatch(reviews(60)).join();

    assertThat(table.count()).isEqualTo(60);
    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo(ObservedDynamoRepository.OBSERVATION_NAME, 1)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .extracting(c -> c.getLowCardinalityKeyValue("operation").getValue())
                    .containsExactly("putBatch"));
  }

  @Test
  void cancellingTheObservedFutureCancelsTheSubscription() throws Exception {
    CompletableFuture<Long> requested = new CompletableFuture<>();
    CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
    Publisher<PartitionedContent<Review>> silent =
        (Subscriber<? super PartitionedContent<Review>> subscriber) ->
            subscriber.onSubscribe(
                new Subscription() {
                  @Override
                  public void request(long n) {
                    requested.complete(n);
                  }

                  @Override
                  public void cancel() {
                    cancelled.complete(true);
                  }
                });

    CompletableFuture<Void> written = reviews.putBatch(silent);
    assertThat(requested.get(30, TimeUnit.SECONDS)).isEqualTo(25);
    assertThat(written.cancel(true)).isTrue();

    assertThat(cancelled.get(30, TimeUnit.SECONDS)).isTrue();
    TestObservationRegistryAssert.assertThat(registry)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .extracting(Observation.Context::getError)
                    .singleElement()
                    .isInstanceOf(CancellationException.class));
  }
}
