package io.github.pydanticdynamo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch gave up: after its retries (or after a failed request), some work was not confirmed by
 * DynamoDB. Nothing is dropped silently: the exception carries exactly what was not done, so the
 * caller can retry it. The message leads with the counts ("3 of 250 items were not written …").
 *
 * <p>A write batch lists each key at most once, with its latest value: an item that was not written
 * but whose key a later item of the same batch wrote is left out (retrying it would overwrite the
 * newer value), and so is an earlier item of a key whose later item is listed; the message says how
 * many items were left out and why.
 *
 * <pre>{@code
 * try {
 *   repository.putBatch(contents);
 * } catch (UnprocessedItemsException e) {
 *   repository.putBatch(castBack(e.unwrittenContents()));
 * }
 * }</pre>
 */
public class UnprocessedItemsException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  private final transient List<PartitionedContent<?>> unwrittenContents;
  private final transient List<ContentKey> unreadKeys;
  private final transient List<ContentKey> undeletedKeys;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param unwrittenContents contents a write did not confirm
   * @param unreadKeys keys a read did not get
   * @param cause the failure that stopped the batch, if it was not exhausted retries
   */
  public UnprocessedItemsException(
      String message,
      List<? extends PartitionedContent<?>> unwrittenContents,
      List<ContentKey> unreadKeys,
      @Nullable Throwable cause) {
    this(message, unwrittenContents, unreadKeys, List.of(), cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param unwrittenContents contents a write did not confirm
   * @param unreadKeys keys a read did not get
   * @param undeletedKeys keys a delete did not confirm
   * @param cause the failure that stopped the batch, if it was not exhausted retries
   */
  public UnprocessedItemsException(
      String message,
      List<? extends PartitionedContent<?>> unwrittenContents,
      List<ContentKey> unreadKeys,
      List<ContentKey> undeletedKeys,
      @Nullable Throwable cause) {
    super(message, cause);
    this.unwrittenContents = List.copyOf(unwrittenContents);
    this.unreadKeys = List.copyOf(unreadKeys);
    this.undeletedKeys = List.copyOf(undeletedKeys);
  }

  /**
   * The contents a write batch did not get confirmed (empty for reads): each key once, with its
   * latest value in the batch; none whose key a later item of the batch wrote.
   *
   * @return the unwritten contents, chunk by chunk in the order the chunks ended (input order when
   *     the batch settings' concurrency is 1)
   */
  public List<PartitionedContent<?>> unwrittenContents() {
    return unwrittenContents;
  }

  /**
   * The keys a read batch did not get (empty for writes).
   *
   * @return the unread keys, in request order
   */
  public List<ContentKey> unreadKeys() {
    return unreadKeys;
  }

  /**
   * The keys a delete did not get confirmed (empty for reads and writes).
   *
   * @return the undeleted keys
   */
  public List<ContentKey> undeletedKeys() {
    return undeletedKeys;
  }
}
