package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.UnprocessedItemsException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a delete by prefix reports when it stops: it reads the keys page by page while it deletes,
 * so it can count and list only what it read; the message leads with those counts and says whether
 * the query had read every item under the prefix.
 */
public final class PrefixDeletes {
  private PrefixDeletes() {}

  /**
   * Deletes were left undone: retries ran out for some keys, or a request failed and the delete
   * stopped.
   *
   * @param undeleted the keys read and not deleted (not confirmed, or never sent)
   * @param read how many keys the query gave before the delete stopped
   * @param cause the failed request, or null when DynamoDB kept returning keys unprocessed
   * @param queryDone whether the query had read every item under the prefix
   * @param attempts the attempts each chunk had
   */
  public static UnprocessedItemsException stopped(
      List<ContentKey> undeleted,
      long read,
      @Nullable Throwable cause,
      boolean queryDone,
      int attempts) {
    String message =
        undeleted.size()
            + " of "
            + read
            + " items were not deleted ("
            + (read - undeleted.size())
            + " were) "
            + (cause == null
                ? "after " + attempts + " attempts (DynamoDB kept returning them unprocessed)"
                : "because a request failed: " + cause)
            + (queryDone ? "" : unread(read))
            + "; the exception lists the keys not deleted so they can be retried";
    return new UnprocessedItemsException(message, List.of(), List.of(), undeleted, cause);
  }

  /**
   * The query of the keys failed after some pages were deleted: what was deleted stays deleted.
   *
   * @param undeleted the keys read and not deleted (retries ran out for them)
   * @param read how many keys the query gave before it failed
   * @param cause the query's failure
   */
  public static UnprocessedItemsException queryFailed(
      List<ContentKey> undeleted, long read, Throwable cause) {
    String message =
        (read - undeleted.size())
            + " of the "
            + read
            + " items read were deleted and "
            + undeleted.size()
            + " were not when the query of the keys failed: "
            + cause
            + unread(read)
            + "; the exception lists the keys read but not deleted";
    return new UnprocessedItemsException(message, List.of(), List.of(), undeleted, cause);
  }

  private static String unread(long read) {
    return "; the query was not read past these "
        + read
        + " items, so items after them under the prefix are neither deleted nor listed (delete"
        + " the prefix again to remove them)";
  }
}
