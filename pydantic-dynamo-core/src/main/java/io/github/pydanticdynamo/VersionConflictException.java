package io.github.pydanticdynamo;

import java.util.OptionalLong;

/**
 * An update's version check ({@code currentVersion}) failed: the stored item has another version.
 *
 * <pre>{@code
 * try {
 *   repository.update(ids, contentIds, UpdateCommand.builder().currentVersion(3).set("name", "x").build());
 * } catch (VersionConflictException e) {
 *   long stored = e.storedVersion().orElseThrow();
 * }
 * }</pre>
 */
public class VersionConflictException extends RequestObjectStateException {
  private static final long serialVersionUID = 1L;

  private final ContentKey key;
  private final long expectedVersion;
  private final OptionalLong storedVersion;

  /**
   * Creates the exception.
   *
   * @param key the item's key
   * @param expectedVersion the version the update expected
   * @param storedVersion the stored version, when known
   * @param message the message, naming the key and versions
   */
  public VersionConflictException(
      ContentKey key, long expectedVersion, OptionalLong storedVersion, String message) {
    super(message);
    this.key = key;
    this.expectedVersion = expectedVersion;
    this.storedVersion = storedVersion;
  }

  /**
   * The item's key.
   *
   * @return the key
   */
  public ContentKey key() {
    return key;
  }

  /**
   * The version the update expected.
   *
   * @return the expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The version that was stored, when the library could learn it.
   *
   * @return the stored version, or empty
   */
  public OptionalLong storedVersion() {
    return storedVersion;
  }
}
