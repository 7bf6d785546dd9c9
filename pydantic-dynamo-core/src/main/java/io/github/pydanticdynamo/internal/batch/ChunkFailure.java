package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.UnprocessedItemsException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a batch chunk left undone, and the failure that ended it (null when retries ran out). */
public record ChunkFailure(List<BatchEntry> pending, @Nullable Throwable cause) {

  /** The batch operation, for the message. */
  public enum Operation {
    PUT("items", "written"),
    DELETE("items", "deleted"),
    GET("keys", "read");

    final String things;
    final String done;

    Operation(String things, String done) {
      this.things = things;
      this.done = done;
    }
  }

  /** A read chunk gave up after {@code attempts}: thrown by the chunk, reported by the reader. */
  public static final class GaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ChunkFailure failure;
    private final int attempts;

    public GaveUp(BatchRetry.Decision<BatchEntry> decision, int attempts) {
      super("a chunk gave up", decision.cause(), false, false);
      this.failure = new ChunkFailure(decision.pending(), decision.cause());
      this.attempts = attempts;
    }

    public ChunkFailure failure() {
      return failure;
    }

    public int attempts() {
      return attempts;
    }
  }

  /**
   * The exception of a read that gave up: the chunk's pending keys, then the keys after it that
   * were not read either ({@code later}), against the {@code total} keys asked for.
   */
  public static UnprocessedItemsException readFailure(
      long total, GaveUp gaveUp, List<BatchEntry> later) {
    List<ChunkFailure> failures = new ArrayList<>(2);
    failures.add(gaveUp.failure());
    if (!later.isEmpty()) {
      failures.add(new ChunkFailure(later, null));
    }
    String note =
        later.isEmpty()
            ? ""
            : "; "
                + later.size()
                + " keys after the failed chunk's "
                + gaveUp.failure().pending().size()
                + " were not read either";
    return exception(Operation.GET, total, gaveUp.attempts(), failures, note);
  }

  /** One exception for all the failures of a batch, carrying exactly what was not done. */
  public static UnprocessedItemsException exception(
      Operation operation, long total, int attempts, List<ChunkFailure> failures) {
    return exception(operation, total, attempts, failures, "");
  }

  /**
   * One exception for all the failures of a batch, carrying exactly what was not done; its message
   * leads with the totals ("3 of 250 items were not written …"), then says why and adds {@code
   * note}.
   */
  public static UnprocessedItemsException exception(
      Operation operation, long total, int attempts, List<ChunkFailure> failures, String note) {
    List<PartitionedContent<?>> contents = new ArrayList<>();
    List<ContentKey> keys = new ArrayList<>();
    Throwable cause = null;
    for (ChunkFailure failure : failures) {
      for (BatchEntry entry : failure.pending()) {
        if (entry.content() != null) {
          contents.add(entry.content());
        }
        keys.add(entry.key());
      }
      if (cause == null) {
        cause = failure.cause();
      }
    }
    String message =
        keys.size()
            + " of "
            + total
            + " "
            + operation.things
            + " were not "
            + operation.done
            + (cause == null
                ? " after " + attempts + " attempts (DynamoDB kept returning them unprocessed)"
                : " because a request failed: " + cause)
            + note
            + "; the exception lists them so they can be retried";
    return switch (operation) {
      case PUT -> new UnprocessedItemsException(message, contents, List.of(), List.of(), cause);
      case GET -> new UnprocessedItemsException(message, List.of(), keys, List.of(), cause);
      case DELETE -> new UnprocessedItemsException(message, List.of(), List.of(), keys, cause);
    };
  }

  /**
   * A single-pass source failed after some chunks were sent (a bad element, or the source's own
   * error): what was written stays written; the exception says how much and lists what was read but
   * not written ({@code all}: the chunks' failures, then the failed chunk's entries read before the
   * failure), adding {@code note}. The source is not read past the failure.
   */
  public static UnprocessedItemsException sourceFailed(
      Operation operation,
      long written,
      ChunkReader.SourceFailure failure,
      List<ChunkFailure> all,
      String note) {
    int unwritten = 0;
    for (ChunkFailure each : all) {
      unwritten += each.pending().size();
    }
    List<PartitionedContent<?>> contents = new ArrayList<>();
    List<ContentKey> keys = new ArrayList<>();
    for (ChunkFailure each : all) {
      for (BatchEntry entry : each.pending()) {
        if (entry.content() != null) {
          contents.add(entry.content());
        }
        keys.add(entry.key());
      }
    }
    String message =
        written
            + " of the "
            + failure.position()
            + " "
            + operation.things
            + " read before element "
            + failure.position()
            + " (0-based) were "
            + operation.done
            + " and "
            + unwritten
            + " were not, when the source failed at element "
            + failure.position()
            + ": "
            + failure.getCause().getMessage()
            + note
            + "; the source was not read further (it can be read only once, so nothing is"
            + " checked ahead); the exception lists the items read but not "
            + operation.done;
    return switch (operation) {
      case PUT ->
          new UnprocessedItemsException(
              message, contents, List.of(), List.of(), failure.getCause());
      case GET ->
          new UnprocessedItemsException(message, List.of(), keys, List.of(), failure.getCause());
      case DELETE ->
          new UnprocessedItemsException(message, List.of(), List.of(), keys, failure.getCause());
    };
  }
}
