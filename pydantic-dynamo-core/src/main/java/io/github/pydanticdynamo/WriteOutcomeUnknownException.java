package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * A write whose response was lost (a dropped connection, a timeout, a 5xx after the request may
 * have reached DynamoDB) and whose outcome the library could not establish from the stored item:
 * the write may or may not have been applied. The library never answers such a call with a guess (a
 * wrong {@code false}, a second increment, a version conflict on its own write); it throws this
 * instead, naming the key, the operation and what to check.
 *
 * <p>It is thrown, for example, when another writer changed the item between the lost attempt and
 * the library's check, when a blind {@code increment} (no {@code currentVersion}) may have been
 * applied, or when the item a {@code deleteItem} targeted is gone and its old content went with the
 * lost response. Read the item ({@link #key()}) and decide; {@link #writeId()} is the value of
 * {@code _write_id} the write carried, so an item holding it was written by this call.
 *
 * <pre>{@code
 * try {
 *   counters.update(ids, contentIds, UpdateCommand.builder().increment("count", 1).build());
 * } catch (WriteOutcomeUnknownException e) {
 *   // the increment may or may not have been applied: reconcile from your own records
 *   log.warn("unknown outcome of {} on {}", e.operation(), e.key());
 * }
 * }</pre>
 */
public class WriteOutcomeUnknownException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  private final ContentKey key;
  private final String operation;
  private final @Nullable String writeId;

  /**
   * Creates the exception.
   *
   * @param key the key of the item written
   * @param operation the repository call, e.g. {@code putIfAbsent}
   * @param writeId the {@code _write_id} the write carried, or null when it carries none (a delete)
   * @param message what is known and what to check
   * @param cause the failure of the last attempt (the lost response), or null
   */
  public WriteOutcomeUnknownException(
      ContentKey key,
      String operation,
      @Nullable String writeId,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.key = key;
    this.operation = operation;
    this.writeId = writeId;
  }

  /**
   * The key of the item the write targeted.
   *
   * @return the key
   */
  public ContentKey key() {
    return key;
  }

  /**
   * The repository call whose outcome is unknown, e.g. {@code update} or {@code putIfAbsent}.
   *
   * @return the operation name
   */
  public String operation() {
    return operation;
  }

  /**
   * The {@code _write_id} value the write carried: a stored item holding it was written by this
   * call.
   *
   * @return the write id, or null for a delete
   */
  public @Nullable String writeId() {
    return writeId;
  }
}
