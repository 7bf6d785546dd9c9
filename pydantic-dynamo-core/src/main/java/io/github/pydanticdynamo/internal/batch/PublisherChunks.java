package io.github.pydanticdynamo.internal.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Reads a publisher's elements one chunk at a time, as {@link ChunkReader} reads an iterator: it
 * requests only what the chunk being filled lacks (never more than a chunk at once), fills at most
 * one chunk ahead of the writer, and builds each entry as its element arrives. A bad element or the
 * publisher's error ends it. Every call on the subscription comes from the writer's drain loop (one
 * thread at a time), never from a signal, so requests never nest in {@code onNext}.
 */
public final class PublisherChunks<S> implements ChunkSource, Subscriber<S> {

  private final Publisher<? extends S> publisher;
  private final ChunkReader.Entries<S> entries;
  private final int size;
  private volatile Runnable ready = () -> {};

  // guarded by this: signals arrive on the publisher's threads, next() runs on the drain loop's
  private @Nullable Subscription subscription;
  private long demand; // requested, not yet delivered
  private long position; // elements received
  private @Nullable List<BatchEntry> filling;
  private @Nullable Map<String, Integer> index;
  private @Nullable List<BatchEntry> full; // the chunk filled ahead, not yet handed out
  private boolean completed; // onComplete arrived
  private boolean terminated; // onComplete or onError arrived: nothing to cancel
  private ChunkReader.@Nullable SourceFailure failure; // a bad element or onError
  private boolean stopped; // cancelled here
  private boolean ended; // no chunk follows

  /**
   * A reader of {@code publisher}, subscribed by {@link #start}.
   *
   * @param publisher the elements, read once, in order
   * @param entries builds a chunk entry (maps, checks); may throw
   * @param size the chunk size
   */
  public PublisherChunks(
      Publisher<? extends S> publisher, ChunkReader.Entries<S> entries, int size) {
    this.publisher = publisher;
    this.entries = entries;
    this.size = size;
  }

  @Override
  public void start(Runnable ready) {
    this.ready = ready;
    publisher.subscribe(this);
  }

  @Override
  public void onSubscribe(Subscription s) {
    Objects.requireNonNull(s, "subscription"); // rule 2.13
    boolean refused;
    synchronized (this) {
      refused = subscription != null || stopped;
      if (!refused) {
        subscription = s;
      }
    }
    if (refused) {
      s.cancel(); // rule 2.5: a second subscription, or the batch already stopped
      return;
    }
    ready.run();
  }

  @Override
  public void onNext(S element) {
    int at;
    boolean overflow;
    synchronized (this) {
      if (stopped || terminated || failure != null) {
        return; // after a cancel, elements already on their way are dropped (rule 2.8)
      }
      at = (int) position;
      overflow = demand <= 0;
    }
    if (overflow) {
      fail(
          new IllegalStateException(
              "the publisher sent element " + at + " without a request for it (rule 1.1)"),
          at,
          false);
      return;
    }
    BatchEntry entry;
    try {
      entry = entries.entry(element, at); // rejects a null element with the Iterable's message
    } catch (RuntimeException e) {
      fail(e, at, false);
      if (element == null) {
        throw new NullPointerException("a Publisher must not emit null (rule 2.13)");
      }
      return;
    }
    boolean wake;
    synchronized (this) {
      if (stopped || failure != null) {
        return;
      }
      position++;
      demand--;
      add(entry);
      wake = demand <= 0;
    }
    if (wake) {
      ready.run();
    }
  }

  private void add(BatchEntry entry) {
    List<BatchEntry> chunk = filling;
    Map<String, Integer> keys = index;
    if (chunk == null || keys == null) {
      chunk = new ArrayList<>(size);
      keys = new HashMap<>(size * 2);
      filling = chunk;
      index = keys;
    }
    Integer earlier = keys.putIfAbsent(entry.identity(), chunk.size());
    if (earlier == null) {
      chunk.add(entry);
    } else {
      chunk.set(earlier, entry); // the last write of a key in a chunk wins, as in ChunkReader
    }
    if (chunk.size() == size && full == null) {
      full = chunk;
      filling = null;
      index = null;
    }
  }

  private void fail(RuntimeException error, long at, boolean terminal) {
    synchronized (this) {
      if (terminal) {
        terminated = true; // rule 2.3: no cancel from here on
      }
      if (stopped || failure != null) {
        return;
      }
      List<BatchEntry> partial = filling == null ? List.of() : filling;
      failure = new ChunkReader.SourceFailure(error, at, partial);
      filling = null;
      index = null;
    }
    ready.run();
  }

  @Override
  public void onError(Throwable error) {
    Objects.requireNonNull(error, "error"); // rule 2.13
    long at;
    synchronized (this) {
      if (terminated) {
        return;
      }
      at = position;
    }
    fail(
        error instanceof RuntimeException runtime
            ? runtime
            : new CompletionException(String.valueOf(error.getMessage()), error),
        at,
        true);
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      completed = true;
      terminated = true;
    }
    ready.run();
  }

  @Override
  public @Nullable List<BatchEntry> next() {
    List<BatchEntry> chunk = null;
    while (true) {
      Subscription s = null;
      long n = 0;
      ChunkReader.SourceFailure failed = null;
      synchronized (this) {
        if (chunk == null && !ended) {
          if (full != null) {
            chunk = full;
            full = null;
          } else if (failure != null) {
            failed = failure;
            ended = true;
            stopped = true;
            s = terminated ? null : subscription;
          } else if (completed) {
            chunk = filling;
            filling = null;
            index = null;
            ended = chunk == null;
          }
        }
        if (failed == null
            && !ended
            && !completed
            && failure == null
            && full == null
            && demand <= 0
            && subscription != null) {
          n = size - (filling == null ? 0 : filling.size());
          demand = n;
          s = subscription;
        }
      }
      if (failed != null) {
        if (s != null) {
          s.cancel(); // rule 2.7: the drain loop alone calls the subscription
        }
        throw failed;
      }
      if (n == 0 || s == null) {
        return chunk; // null: none ready yet (ready runs when one may be), or ended
      }
      s.request(n); // a synchronous publisher fills the chunk right here
      if (chunk != null) {
        return chunk;
      }
    }
  }

  @Override
  public synchronized boolean ended() {
    return ended;
  }

  @Override
  public long total() {
    return -1;
  }

  @Override
  public synchronized long read() {
    return position;
  }

  @Override
  public List<BatchEntry> rest() {
    List<BatchEntry> rest = new ArrayList<>();
    synchronized (this) {
      if (full != null) {
        rest.addAll(full);
      }
      if (filling != null) {
        rest.addAll(filling);
      }
      full = null;
      filling = null;
      index = null;
    }
    stop();
    return rest;
  }

  @Override
  public void stop() {
    Subscription s;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      ended = true;
      full = null;
      filling = null;
      index = null;
      s = terminated ? null : subscription;
    }
    if (s != null) {
      s.cancel();
    }
  }

  /** The demand requested and not yet delivered (for tests: never more than a chunk). */
  synchronized long demand() {
    return demand;
  }
}
