package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.internal.batch.BatchRetry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A reactive-streams publisher of pages fetched one at a time, only while there is demand. */
final class PagePublisher<R> implements Publisher<R> {

  /** The pages of one walk. */
  interface Source<R> {
    /** Whether the last page was delivered. */
    boolean done();

    /** Fetches the next page (called only when not done, one at a time). */
    CompletableFuture<R> next();
  }

  private final Supplier<Source<R>> sources;

  PagePublisher(Supplier<Source<R>> sources) {
    this.sources = sources;
  }

  @Override
  public void subscribe(Subscriber<? super R> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    PageSubscription<R> subscription = new PageSubscription<>(subscriber, sources.get());
    subscriber.onSubscribe(subscription);
  }

  private static final class PageSubscription<R> implements Subscription {
    private final Subscriber<? super R> subscriber;
    private final Source<R> source;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile boolean terminated;

    PageSubscription(Subscriber<? super R> subscriber, Source<R> source) {
      this.subscriber = subscriber;
      this.source = source;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancelled = true;
        terminate(
            new IllegalArgumentException("request(" + n + "): demand must be positive (§3.9)"));
        return;
      }
      demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    private void drain() {
      while (!cancelled && !terminated && busy.compareAndSet(false, true)) {
        if (source.done()) {
          terminated = true;
          subscriber.onComplete();
          return;
        }
        if (demand.get() == 0) {
          busy.set(false);
          if (demand.get() == 0 || cancelled) {
            return;
          }
          continue; // demand arrived while releasing
        }
        CompletableFuture<R> page;
        try {
          page = source.next();
        } catch (RuntimeException e) {
          terminate(e);
          return;
        }
        page.whenComplete(
            (result, error) -> {
              if (cancelled || terminated) {
                return;
              }
              if (error != null) {
                terminate(BatchRetry.unwrap(error));
                return;
              }
              demand.decrementAndGet();
              subscriber.onNext(result);
              busy.set(false);
              drain();
            });
        return;
      }
    }

    private void terminate(Throwable error) {
      if (!terminated) {
        terminated = true;
        subscriber.onError(error);
      }
    }
  }
}
