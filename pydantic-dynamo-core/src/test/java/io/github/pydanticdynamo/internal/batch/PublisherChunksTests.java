package io.github.pydanticdynamo.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.ContentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The chunks of a publisher, driven signal by signal on the test's thread. */
class PublisherChunksTests {

  private static BatchEntry entry(String id, int position) {
    if (id.equals("bad")) {
      throw new IllegalArgumentException("bad element at " + position);
    }
    return new BatchEntry(
        id.split("/")[0], ContentKey.of(List.of(), List.of(id)), null, Map.of(), null, null);
  }

  /** A subscription that records what was asked of it and emits nothing by itself. */
  private static final class Recorded implements Subscription {
    final List<Long> requests = new ArrayList<>();
    int cancels;

    @Override
    public void request(long n) {
      requests.add(n);
    }

    @Override
    public void cancel() {
      cancels++;
    }
  }

  private final Recorded subscription = new Recorded();
  private final AtomicInteger wakes = new AtomicInteger();
  private Subscriber<String> subscriber;

  private PublisherChunks<String> chunks(int size) {
    PublisherChunks<String> chunks =
        new PublisherChunks<>(s -> subscriber = castDown(s), PublisherChunksTests::entry, size);
    chunks.start(wakes::incrementAndGet);
    subscriber.onSubscribe(subscription);
    return chunks;
  }

  @SuppressWarnings("unchecked")
  private static Subscriber<String> castDown(Subscriber<? super String> s) {
    return (Subscriber<String>) s;
  }

  private static List<String> ids(List<BatchEntry> chunk) {
    return chunk.stream().map(e -> e.key().contentIds().get(0)).toList();
  }

  @Test
  void requestsWhatTheChunkLacksAndFillsOneChunkAhead() {
    PublisherChunks<String> chunks = chunks(3);
    assertThat(wakes).hasValue(1); // onSubscribe
    assertThat(chunks.next()).isNull();
    assertThat(chunks.ended()).isFalse();
    assertThat(subscription.requests).containsExactly(3L);

    subscriber.onNext("a");
    subscriber.onNext("b");
    assertThat(chunks.next()).as("asked, not yet delivered: nothing more requested").isNull();
    assertThat(subscription.requests).containsExactly(3L);
    subscriber.onNext("c");
    assertThat(wakes).as("woken once the demand is met").hasValue(2);

    assertThat(ids(chunks.next())).containsExactly("a", "b", "c");
    assertThat(subscription.requests)
        .as("the next chunk is asked for ahead")
        .containsExactly(3L, 3L);
    subscriber.onNext("d");
    subscriber.onNext("e");
    subscriber.onNext("f");
    assertThat(chunks.demand()).isZero();
    subscriber.onNext("g"); // a publisher that breaks rule 1.1
    assertThat(ids(chunks.next())).containsExactly("d", "e", "f");
    assertThat(subscription.requests).as("nothing asked after a failure").hasSize(2);
    assertThatThrownBy(chunks::next)
        .isInstanceOf(ChunkReader.SourceFailure.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sent element 6 without a request for it");
    assertThat(subscription.cancels).isEqualTo(1);
  }

  @Test
  void aKeyGivenTwiceInAChunkKeepsTheLastAndTheShortfallIsAskedAgain() {
    PublisherChunks<String> chunks = chunks(3);
    chunks.next();
    subscriber.onNext("a/1");
    subscriber.onNext("b");
    subscriber.onNext("a/2");
    assertThat(chunks.next()).as("two distinct keys of three: one more asked").isNull();
    assertThat(subscription.requests).containsExactly(3L, 1L);
    subscriber.onNext("c");
    assertThat(ids(chunks.next())).containsExactly("a/2", "b", "c");
  }

  @Test
  void completionHandsOutTheLastShortChunkThenEnds() {
    PublisherChunks<String> chunks = chunks(3);
    chunks.next();
    subscriber.onNext("a");
    subscriber.onComplete();
    assertThat(ids(chunks.next())).containsExactly("a");
    assertThat(chunks.next()).isNull();
    assertThat(chunks.ended()).isTrue();
    assertThat(chunks.read()).isEqualTo(1);
    chunks.stop();
    assertThat(subscription.cancels).as("nothing to cancel after onComplete").isZero();
  }

  @Test
  void aBadElementHandsOutTheChunkFilledBeforeItThenFailsAndCancels() {
    PublisherChunks<String> chunks = chunks(2);
    chunks.next();
    subscriber.onNext("a");
    subscriber.onNext("b");
    assertThat(ids(chunks.next())).containsExactly("a", "b");
    assertThat(subscription.requests).containsExactly(2L, 2L);
    subscriber.onNext("c");
    subscriber.onNext("bad");
    subscriber.onNext("d"); // on its way before the cancel: dropped
    assertThatThrownBy(chunks::next)
        .isInstanceOfSatisfying(
            ChunkReader.SourceFailure.class,
            failure -> {
              assertThat(failure.position()).isEqualTo(3);
              assertThat(ids(failure.partial())).containsExactly("c");
              assertThat(failure.getCause()).hasMessage("bad element at 3");
            });
    assertThat(subscription.cancels).isEqualTo(1);
    assertThat(chunks.ended()).isTrue();
    chunks.stop();
    assertThat(subscription.cancels).as("cancelled once").isEqualTo(1);
  }

  @Test
  void theRestIsWhatWasReadAndNotHandedOutAndStopsTheSubscription() {
    PublisherChunks<String> chunks = chunks(2);
    chunks.next();
    subscriber.onNext("a");
    subscriber.onNext("b");
    assertThat(ids(chunks.next())).containsExactly("a", "b");
    subscriber.onNext("c");
    assertThat(ids(chunks.rest())).containsExactly("c");
    assertThat(subscription.cancels).isEqualTo(1);
    subscriber.onNext("d");
    assertThat(chunks.next()).isNull();
    assertThat(chunks.ended()).isTrue();
    assertThat(chunks.read()).isEqualTo(3);
  }

  @Test
  void anErrorAfterElementsFailsWithThemAsPartialAndCancelsNothing() {
    PublisherChunks<String> chunks = chunks(5);
    chunks.next();
    subscriber.onNext("a");
    IllegalStateException broken = new IllegalStateException("broken");
    subscriber.onError(broken);
    assertThatThrownBy(chunks::next)
        .isInstanceOfSatisfying(
            ChunkReader.SourceFailure.class,
            failure -> {
              assertThat(failure.getCause()).isSameAs(broken);
              assertThat(failure.position()).isEqualTo(1);
              assertThat(ids(failure.partial())).containsExactly("a");
            });
    assertThat(subscription.cancels).as("rule 2.4: no cancel after onError").isZero();
  }

  @Test
  void aCheckedErrorIsCarriedUnchecked() {
    PublisherChunks<String> chunks = chunks(5);
    java.io.IOException broken = new java.io.IOException("disk");
    subscriber.onError(broken);
    assertThatThrownBy(chunks::next)
        .isInstanceOfSatisfying(
            ChunkReader.SourceFailure.class,
            failure -> assertThat(failure.getCause()).hasMessage("disk").hasCause(broken));
  }

  @Test
  void aSecondSubscriptionIsCancelledAndANullElementIsRefused() {
    PublisherChunks<String> chunks = chunks(5);
    Recorded second = new Recorded();
    subscriber.onSubscribe(second);
    assertThat(second.cancels).as("rule 2.5").isEqualTo(1);

    chunks.next();
    assertThatThrownBy(() -> subscriber.onNext(null))
        .as("rule 2.13")
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(chunks::next).isInstanceOf(ChunkReader.SourceFailure.class);
  }

  @Test
  void stoppedBeforeTheSubscriptionArrivesCancelsIt() {
    PublisherChunks<String> chunks =
        new PublisherChunks<>(s -> subscriber = castDown(s), PublisherChunksTests::entry, 5);
    chunks.start(wakes::incrementAndGet);
    chunks.stop();
    subscriber.onSubscribe(subscription);
    assertThat(subscription.cancels).isEqualTo(1);
    assertThat(subscription.requests).isEmpty();
    assertThat(chunks.next()).isNull();
    assertThat(chunks.ended()).isTrue();
  }
}
