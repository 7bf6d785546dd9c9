package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.BatchSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes a batch on the calling thread and a pool: reads one chunk at a time from its {@link
 * ChunkReader}, keeps at most {@code concurrency} chunks in flight (a chunk sharing a key with one
 * in flight waits for it, so the last write of a key wins), retries what DynamoDB leaves
 * unprocessed ({@link BatchRetry}) and reports what was not written. A chunk is released once
 * answered: memory is bounded by the chunks in flight, not by the batch.
 */
public final class BatchWriter {

  /** Sends one chunk; returns what DynamoDB left unprocessed. */
  @FunctionalInterface
  public interface Send {
    List<BatchEntry> write(List<BatchEntry> chunk);
  }

  private record Done(List<BatchEntry> chunk, @Nullable ChunkFailure failure) {}

  private final BatchSettings settings;
  private final Supplier<ExecutorService> pool;

  public BatchWriter(BatchSettings settings, Supplier<ExecutorService> pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /**
   * Writes every chunk of {@code reader}; returns how many entries were written.
   *
   * @throws io.github.pydanticdynamo.UnprocessedItemsException with what was not written
   */
  public long write(ChunkReader<?> reader, Send send, ChunkFailure.Operation operation) {
    Run run = new Run(reader, send);
    run.run();
    return run.finish(operation);
  }

  private final class Run {
    private final ChunkReader<?> reader;
    private final Send send;
    private final AtomicReference<@Nullable Throwable> abort = new AtomicReference<>();
    private final List<ChunkFailure> failures = new ArrayList<>();
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Map<String, Integer> keysInFlight = new HashMap<>();
    private final LaterWrites laterWrites = new LaterWrites();
    private int inFlight;
    private long sent; // entries taken from the reader
    private boolean interrupted;
    private ChunkReader.@Nullable SourceFailure sourceFailure;

    Run(ChunkReader<?> reader, Send send) {
      this.reader = reader;
      this.send = send;
    }

    void run() {
      List<BatchEntry> chunk = read();
      while (chunk != null && abort.get() == null) {
        sent += chunk.size();
        if (settings.concurrency() == 1) {
          inline(chunk);
          chunk = read();
          continue;
        }
        List<BatchEntry> following = null;
        if (inFlight == 0) {
          following = read();
          if (following == null) { // the only chunk left: no hand-off to the pool
            inline(chunk);
            chunk = null;
            break;
          }
        }
        while (inFlight >= settings.concurrency() || overlaps(chunk)) {
          settle(take());
        }
        start(chunk);
        chunk = following != null ? following : read();
      }
      while (inFlight > 0) {
        settle(take());
      }
      if (chunk != null) { // read, never sent: the batch stopped
        sent += chunk.size();
        failures.add(new ChunkFailure(chunk, abort.get()));
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private @Nullable List<BatchEntry> read() {
      if (sourceFailure != null) {
        return null;
      }
      try {
        return reader.next();
      } catch (ChunkReader.SourceFailure e) {
        sourceFailure = e;
        return null;
      }
    }

    private void inline(List<BatchEntry> chunk) {
      laterWrites.starting(chunk);
      ChunkFailure failure = writeChunk(chunk);
      if (failure != null) {
        failures.add(failure);
        laterWrites.failed(failure);
      }
    }

    private void start(List<BatchEntry> chunk) {
      laterWrites.starting(chunk);
      for (BatchEntry entry : chunk) {
        keysInFlight.merge(entry.identity(), 1, Integer::sum);
      }
      inFlight++;
      pool.get()
          .execute(
              () -> {
                ChunkFailure failure;
                try {
                  failure = writeChunk(chunk);
                } catch (Throwable e) { // never lose a chunk, whatever happened
                  failure = new ChunkFailure(chunk, e);
                }
                done.add(new Done(chunk, failure));
              });
    }

    private boolean overlaps(List<BatchEntry> chunk) {
      if (keysInFlight.isEmpty()) {
        return false;
      }
      for (BatchEntry entry : chunk) {
        if (keysInFlight.containsKey(entry.identity())) {
          return true;
        }
      }
      return false;
    }

    private Done take() {
      while (true) {
        try {
          return done.take();
        } catch (InterruptedException e) {
          // stop sending; the chunks in flight still report what they confirmed
          interrupted = true;
          abort.compareAndSet(null, e);
        }
      }
    }

    private void settle(Done answer) {
      inFlight--;
      for (BatchEntry entry : answer.chunk()) {
        keysInFlight.computeIfPresent(
            entry.identity(), (key, count) -> count == 1 ? null : count - 1);
      }
      ChunkFailure failure = answer.failure();
      if (failure != null) {
        failures.add(failure);
        laterWrites.failed(failure);
      }
    }

    private @Nullable ChunkFailure writeChunk(List<BatchEntry> chunk) {
      List<BatchEntry> pending = chunk;
      for (int attempt = 1; ; attempt++) {
        Throwable aborted = abort.get();
        if (aborted != null) {
          return new ChunkFailure(pending, aborted);
        }
        Throwable error = null;
        try {
          pending = send.write(pending);
        } catch (RuntimeException e) {
          error = e;
        }
        BatchRetry.Decision<BatchEntry> decision =
            BatchRetry.decide(settings, attempt, pending, error);
        switch (decision.kind()) {
          case DONE -> {
            return null;
          }
          case RETRY -> {
            if (!BatchRetry.sleep(decision.delay())) {
              InterruptedException interruption =
                  new InterruptedException("interrupted during backoff");
              abort.compareAndSet(null, interruption);
              return new ChunkFailure(pending, interruption);
            }
          }
          case GIVE_UP -> {
            if (decision.cause() != null) {
              abort.compareAndSet(null, decision.cause());
            }
            return new ChunkFailure(decision.pending(), decision.cause());
          }
        }
      }
    }

    long finish(ChunkFailure.Operation operation) {
      long unwritten = 0;
      for (ChunkFailure failure : failures) {
        unwritten += failure.pending().size();
      }
      ChunkReader.SourceFailure source = sourceFailure;
      if (source != null) {
        if (sent == 0 && failures.isEmpty()) {
          throw source.getCause(); // nothing was sent: the plain failure, as before any write
        }
        failures.add(new ChunkFailure(source.partial(), null));
        LaterWrites.Report report = laterWrites.report(failures);
        throw ChunkFailure.sourceFailed(
            operation, sent - unwritten, source, report.failures(), report.note());
      }
      if (abort.get() != null) {
        List<BatchEntry> rest = reader.rest(); // never sent: reported when the source allows
        if (!rest.isEmpty()) {
          failures.add(new ChunkFailure(rest, null));
        }
      }
      if (failures.isEmpty()) {
        return sent;
      }
      LaterWrites.Report report = laterWrites.report(failures); // only when something failed
      if (report.nothingLeft()) {
        return sent; // every key that failed was written by a later item of the batch
      }
      String note =
          report.note()
              + (reader.rereadable() || abort.get() == null
                  ? ""
                  : "; the source was not read past its first "
                      + reader.read()
                      + " elements (it can be read only once)");
      throw ChunkFailure.exception(
          operation,
          reader.rereadable() ? reader.total() : reader.read(),
          settings.maxAttempts(),
          report.failures(),
          note);
    }
  }
}
