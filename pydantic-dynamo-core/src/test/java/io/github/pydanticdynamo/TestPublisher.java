package io.github.pydanticdynamo;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A publisher of {@code count} elements made on the fly, for one subscriber. Synchronous by
 * default: it emits inside {@code request()} and does not trampoline (a request made from {@code
 * onNext} emits again, nested), the hardest case for a subscriber's stack. Given an executor it
 * emits there instead, one request at a time. It records the largest outstanding demand, the
 * requests, a cancel, and checks that requests are positive and never overlap (rule 2.7).
 */
final class TestPublisher<E> implements Publisher<E> {
  private final int count;
  private final IntFunction<E> make;
  private final int errorAt;
  private final @Nullable RuntimeException error;
  private final @Nullable Executor executor;
  final AtomicLong maxDemand = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicInteger emitted = new AtomicInteger();
  final AtomicBoolean cancelled = new AtomicBoolean();
  final AtomicBoolean overlapping = new AtomicBoolean();
  final AtomicInteger subscriptions = new AtomicInteger();
  private volatile IntSupplier held = () -> 0; // elements the caller has not yet written
  final AtomicInteger maxHeld = new AtomicInteger();

  private TestPublisher(
      int count,
      IntFunction<E> make,
      int errorAt,
      @Nullable RuntimeException error,
      @Nullable Executor executor) {
    this.count = count;
    this.make = make;
    this.errorAt = errorAt;
    this.error = error;
    this.executor = executor;
  }

  static <E> TestPublisher<E> of(int count, IntFunction<E> make) {
    return new TestPublisher<>(count, make, -1, null, null);
  }

  /** Emits elements 0 to {@code at - 1}, then fails with {@code error}. */
  static <E> TestPublisher<E> failingAt(int at, RuntimeException error, IntFunction<E> make) {
    return new TestPublisher<>(Integer.MAX_VALUE, make, at, error, null);
  }

  /** Emits on {@code executor}, off the requesting thread. */
  TestPublisher<E> on(Executor executor) {
    return new TestPublisher<>(count, make, errorAt, error, executor);
  }

  /** Before each element, records {@code held} (emitted but not yet answered by DynamoDB). */
  TestPublisher<E> measuring(IntSupplier written) {
    this.held = () -> emitted.get() - written.getAsInt();
    return this;
  }

  @Override
  public void subscribe(Subscriber<? super E> subscriber) {
    subscriptions.incrementAndGet();
    subscriber.onSubscribe(new Emitter(subscriber));
  }

  private final class Emitter implements Subscription {
    private final Subscriber<? super E> subscriber;
    private final AtomicBoolean inRequest = new AtomicBoolean();
    private long demand; // touched by request (serial by rule 2.7) and the emitting loop
    private int next;
    private boolean done;

    Emitter(Subscriber<? super E> subscriber) {
      this.subscriber = subscriber;
      if (count == 0) {
        done = true;
        subscriber.onComplete(); // completes before any request, as an empty source may
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        done = true;
        subscriber.onError(new IllegalArgumentException("rule 3.9: request(" + n + ")"));
        return;
      }
      if (!inRequest.compareAndSet(false, true) && executor != null) {
        overlapping.set(true); // two threads in request at once
      }
      requests.incrementAndGet();
      synchronized (this) {
        demand += n;
        maxDemand.accumulateAndGet(demand, Math::max);
      }
      inRequest.set(false);
      if (executor != null) {
        executor.execute(this::emit);
      } else {
        emit();
      }
    }

    private void emit() {
      while (true) {
        synchronized (this) {
          if (done || cancelled.get() || demand == 0) {
            return;
          }
          demand--;
        }
        int i = next++;
        if (i == errorAt) {
          done = true;
          subscriber.onError(error);
          return;
        }
        if (i == count) {
          done = true;
          subscriber.onComplete();
          return;
        }
        maxHeld.accumulateAndGet(held.getAsInt(), Math::max);
        emitted.incrementAndGet();
        subscriber.onNext(make.apply(i));
        if (i == count - 1 && !done) {
          done = true;
          subscriber.onComplete(); // completes with the last element, unasked
          return;
        }
      }
    }

    @Override
    public void cancel() {
      cancelled.set(true);
    }
  }
}
