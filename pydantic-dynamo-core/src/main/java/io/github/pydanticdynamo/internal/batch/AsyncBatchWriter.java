package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.BatchSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Writes a batch in stages: what {@link BatchWriter} does, without blocking a thread. One drain
 * loop at a time reads the source and starts chunks (at most {@code concurrency} in flight, a chunk
 * sharing a key with one in flight waits for it); answers are queued and taken by the loop, so a
 * client that answers at once never nests stages and no answered chunk stays reachable. The source
 * is a {@link ChunkSource}: an iterator's chunks are read when wanted, a publisher's when they have
 * arrived (the source runs the loop again when one may have).
 */
public final class AsyncBatchWriter {

  /** Sends one chunk; yields what DynamoDB left unprocessed. */
  @FunctionalInterface
  public interface Send {
    CompletableFuture<List<BatchEntry>> write(List<BatchEntry> chunk);
  }

  private record Done(List<BatchEntry> chunk, @Nullable ChunkFailure failure) {}

  private final BatchSettings settings;

  public AsyncBatchWriter(BatchSettings settings) {
    this.settings = settings;
  }

  /**
   * Writes every chunk of {@code reader}; yields how many entries were written. Cancelling the
   * returned future stops the source (a publisher's subscription is cancelled) and sends no further
   * chunk; chunks already sent still finish, unreported.
   */
  public CompletableFuture<Long> write(
      ChunkSource reader, Send send, ChunkFailure.Operation operation) {
    Run run = new Run(reader, send, operation);
    run.result.whenComplete((written, error) -> run.drain()); // a cancel from outside
    reader.start(run::drain);
    run.drain();
    return run.result;
  }

  private final class Run {
    private final ChunkSource reader;
    private final Send send;
    private final ChunkFailure.Operation operation;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final ConcurrentLinkedQueue<Done> answers = new ConcurrentLinkedQueue<>();
    private final List<ChunkFailure> failures = Collections.synchronizedList(new ArrayList<>());
    // the fields below belong to the drain loop (one thread at a time, ordered by wip)
    private final Map<String, Integer> keysInFlight = new HashMap<>();
    private final LaterWrites laterWrites = new LaterWrites();
    private @Nullable List<BatchEntry> blocked;
    private int inFlight;
    private long sent;
    private boolean sourceDone;
    private boolean finished;
    private ChunkReader.@Nullable SourceFailure sourceFailure;

    Run(ChunkSource reader, Send send, ChunkFailure.Operation operation) {
      this.reader = reader;
      this.send = send;
      this.operation = operation;
    }

    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      while (true) {
        try {
          step();
        } catch (Throwable e) { // a bug must not leave the caller waiting forever
          finished = true;
          result.completeExceptionally(e);
          reader.stop();
        }
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void step() {
      if (finished) {
        answers.clear();
        return;
      }
      if (result.isDone()) { // cancelled by the caller: read and send nothing more
        finished = true;
        answers.clear();
        blocked = null;
        reader.stop();
        return;
      }
      for (Done answer = answers.poll(); answer != null; answer = answers.poll()) {
        settle(answer);
      }
      while (!sourceDone && inFlight < settings.concurrency()) {
        if (hardFailure() != null) { // after a hard failure, nothing more is sent
          sourceDone = true;
          break;
        }
        List<BatchEntry> chunk = blocked != null ? blocked : readNext();
        if (chunk == null) {
          break;
        }
        if (overlaps(chunk)) {
          blocked = chunk;
          break;
        }
        blocked = null;
        start(chunk);
      }
      if (inFlight == 0 && sourceDone) {
        finished = true;
        finish();
      }
    }

    private @Nullable List<BatchEntry> readNext() {
      try {
        List<BatchEntry> chunk = reader.next();
        if (chunk == null && reader.ended()) {
          sourceDone = true;
        }
        return chunk; // null and not ended: none ready yet, the source runs drain when one is
      } catch (ChunkReader.SourceFailure e) {
        sourceFailure = e;
        sourceDone = true;
        return null;
      }
    }

    private void start(List<BatchEntry> chunk) {
      laterWrites.starting(chunk);
      for (BatchEntry entry : chunk) {
        keysInFlight.merge(entry.identity(), 1, Integer::sum);
      }
      inFlight++;
      sent += chunk.size();
      CompletableFuture<@Nullable ChunkFailure> written;
      try {
        written = writeChunk(chunk, 1);
      } catch (RuntimeException e) {
        written = CompletableFuture.completedFuture(new ChunkFailure(chunk, e));
      }
      written.whenComplete(
          (failure, error) -> {
            answers.add(new Done(chunk, error != null ? new ChunkFailure(chunk, error) : failure));
            drain();
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

    private @Nullable Throwable hardFailure() {
      synchronized (failures) {
        for (ChunkFailure failure : failures) {
          if (failure.cause() != null) {
            return failure.cause();
          }
        }
      }
      return null;
    }

    private CompletableFuture<@Nullable ChunkFailure> writeChunk(
        List<BatchEntry> pending, int attempt) {
      Throwable hard = hardFailure();
      if (hard != null) {
        return CompletableFuture.completedFuture(new ChunkFailure(pending, hard));
      }
      CompletableFuture<List<BatchEntry>> sentChunk;
      try {
        sentChunk = send.write(pending);
      } catch (RuntimeException e) {
        sentChunk = CompletableFuture.failedFuture(e);
      }
      return sentChunk
          .handle(
              (left, error) ->
                  BatchRetry.decide(settings, attempt, error == null ? left : pending, error))
          .thenCompose(
              decision ->
                  switch (decision.kind()) {
                    case DONE -> CompletableFuture.<@Nullable ChunkFailure>completedFuture(null);
                    case RETRY ->
                        BatchRetry.after(
                            decision.delay(), () -> writeChunk(decision.pending(), attempt + 1));
                    case GIVE_UP ->
                        CompletableFuture.<@Nullable ChunkFailure>completedFuture(
                            new ChunkFailure(decision.pending(), decision.cause()));
                  });
    }

    private void finish() {
      try {
        report();
      } finally {
        reader.stop();
      }
    }

    private void report() {
      List<ChunkFailure> all;
      synchronized (failures) {
        all = new ArrayList<>(failures);
      }
      long unwritten = 0;
      for (ChunkFailure failure : all) {
        unwritten += failure.pending().size();
      }
      ChunkReader.SourceFailure source = sourceFailure;
      if (source != null) {
        if (sent == 0 && all.isEmpty()) {
          result.completeExceptionally(source.getCause());
          return;
        }
        all.add(new ChunkFailure(source.partial(), null));
        LaterWrites.Report report = laterWrites.report(all);
        result.completeExceptionally(
            ChunkFailure.sourceFailed(
                operation, sent - unwritten, source, report.failures(), report.note()));
        return;
      }
      boolean hard = hardFailure() != null;
      if (hard) {
        List<BatchEntry> rest = new ArrayList<>();
        if (blocked != null) {
          rest.addAll(blocked);
          blocked = null;
        }
        rest.addAll(reader.rest());
        if (!rest.isEmpty()) {
          all.add(new ChunkFailure(rest, null));
        }
      }
      if (all.isEmpty()) {
        result.complete(sent);
        return;
      }
      LaterWrites.Report report = laterWrites.report(all); // only when something failed
      if (report.nothingLeft()) {
        result.complete(sent); // every key that failed was written by a later item of the batch
        return;
      }
      String note =
          report.note()
              + (reader.rereadable() || !hard
                  ? ""
                  : "; the source was not read past its first "
                      + reader.read()
                      + " elements (it can be read only once)");
      result.completeExceptionally(
          ChunkFailure.exception(
              operation,
              reader.rereadable() ? reader.total() : reader.read(),
              settings.maxAttempts(),
              report.failures(),
              note));
    }
  }
}
