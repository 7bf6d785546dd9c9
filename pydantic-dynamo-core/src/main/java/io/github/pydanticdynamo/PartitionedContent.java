package io.github.pydanticdynamo;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One stored item with its location and bookkeeping: the partition ids and content ids that form
 * its keys, the item itself, its version ({@code _object_version}) and its optional expiry ({@code
 * _ttl}).
 *
 * <pre>{@code
 * PartitionedContent<FilmActor> content =
 *     PartitionedContent.of(List.of(), List.of("tom-hanks"), new FilmActor("tom-hanks", "Tom Hanks", null))
 *         .withExpiry(Instant.parse("2030-01-01T00:00:00Z"));
 * repository.put(content);
 * }</pre>
 *
 * @param partitionIds the partition ids ({@code null} becomes an empty list)
 * @param contentIds the content ids ({@code null} becomes an empty list)
 * @param item the stored record
 * @param currentVersion the version; 1 for new items, incremented by every update
 * @param expiry when DynamoDB may delete the item (stored as epoch seconds), or {@code null}
 * @param <T> the model type
 */
public record PartitionedContent<T>(
    List<String> partitionIds,
    List<String> contentIds,
    T item,
    long currentVersion,
    @Nullable Instant expiry) {

  /** Validates and copies the components. */
  public PartitionedContent(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      T item,
      long currentVersion,
      @Nullable Instant expiry) {
    ContentKey.Ids.requireNonNull(item, "item");
    if (currentVersion < 1) {
      throw new InvalidCommandException(
          "currentVersion " + currentVersion + " is not a version; versions start at 1");
    }
    this.partitionIds = ContentKey.Ids.copy(partitionIds, "partitionIds");
    this.contentIds = ContentKey.Ids.copy(contentIds, "contentIds");
    this.item = item;
    this.currentVersion = currentVersion;
    this.expiry = expiry;
  }

  /**
   * A content at version 1 without expiry.
   *
   * @param partitionIds the partition ids ({@code null} means none)
   * @param contentIds the content ids ({@code null} means none)
   * @param item the record
   * @param <T> the model type
   * @return the content
   */
  public static <T> PartitionedContent<T> of(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, T item) {
    return new PartitionedContent<>(partitionIds, contentIds, item, 1L, null);
  }

  /**
   * A content for a key at version 1 without expiry.
   *
   * @param key the key
   * @param item the record
   * @param <T> the model type
   * @return the content
   */
  public static <T> PartitionedContent<T> of(ContentKey key, T item) {
    return of(key.partitionIds(), key.contentIds(), item);
  }

  /**
   * This content with another expiry.
   *
   * @param newExpiry the expiry, or {@code null} for none
   * @return a copy
   */
  public PartitionedContent<T> withExpiry(@Nullable Instant newExpiry) {
    return new PartitionedContent<>(partitionIds, contentIds, item, currentVersion, newExpiry);
  }

  /**
   * This content with another version.
   *
   * @param version the version (1 or more)
   * @return a copy
   */
  public PartitionedContent<T> withVersion(long version) {
    return new PartitionedContent<>(partitionIds, contentIds, item, version, expiry);
  }

  /**
   * This content with another item.
   *
   * @param newItem the record
   * @return a copy
   */
  public PartitionedContent<T> withItem(T newItem) {
    return new PartitionedContent<>(partitionIds, contentIds, newItem, currentVersion, expiry);
  }

  /**
   * The key of this content.
   *
   * @return its partition and content ids
   */
  public ContentKey key() {
    return new ContentKey(partitionIds, contentIds);
  }
}
