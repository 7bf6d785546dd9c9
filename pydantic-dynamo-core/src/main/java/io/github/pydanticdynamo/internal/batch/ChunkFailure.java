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
    PUT("written"),
    DELETE("deleted"),
    GET("read");

    final String done;

    Operation(String done) {
      this.done = done;
    }
  }

  /** A read chunk gave up: its pending keys and every later chunk's keys were not read. */
  public static UnprocessedItemsException readGaveUp(
      BatchRetry.Decision<BatchEntry> decision,
      int chunkSize,
      List<List<BatchEntry>> later,
      int attempts) {
    List<ChunkFailure> failures = new ArrayList<>();
    failures.add(new ChunkFailure(decision.pending(), decision.cause()));
    int total = chunkSize;
    for (List<BatchEntry> unread : later) {
      failures.add(new ChunkFailure(unread, null));
      total += unread.size();
    }
    return exception(Operation.GET, total, attempts, failures);
  }

  /**
   * A read-ahead chunk gave up: its exception, plus the keys of the chunks after it, which are not
   * delivered either.
   */
  public static UnprocessedItemsException withLaterKeys(
      UnprocessedItemsException failed, List<List<BatchEntry>> later) {
    if (later.isEmpty()) {
      return failed;
    }
    List<ContentKey> unread = new ArrayList<>(failed.unreadKeys());
    for (List<BatchEntry> chunk : later) {
      for (BatchEntry entry : chunk) {
        unread.add(entry.key());
      }
    }
    return new UnprocessedItemsException(
        failed.getMessage()
            + "; the "
            + (unread.size() - failed.unreadKeys().size())
            + " keys of the chunks after it were not read either",
        List.of(),
        unread,
        List.of(),
        failed.getCause());
  }

  /** One exception for all the failures of a batch, carrying exactly what was not done. */
  public static UnprocessedItemsException exception(
      Operation operation, int total, int attempts, List<ChunkFailure> failures) {
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
            + " items were not "
            + operation.done
            + (cause == null
                ? " after " + attempts + " attempts (DynamoDB kept returning them unprocessed)"
                : " because a request failed: " + cause)
            + "; the exception lists them so they can be retried";
    return switch (operation) {
      case PUT -> new UnprocessedItemsException(message, contents, List.of(), List.of(), cause);
      case GET -> new UnprocessedItemsException(message, List.of(), keys, List.of(), cause);
      case DELETE -> new UnprocessedItemsException(message, List.of(), List.of(), keys, cause);
    };
  }
}
