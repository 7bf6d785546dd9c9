package io.github.pydanticdynamo;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ids that locate one stored item: its partition ids and its content ids.
 *
 * <pre>{@code
 * ContentKey key = ContentKey.of(List.of("tom-hanks"), List.of("2024-01-01T10:00:00Z"));
 * }</pre>
 *
 * @param partitionIds the partition ids (never null; an empty list is allowed)
 * @param contentIds the content ids (never null; an empty list is allowed)
 */
public record ContentKey(List<String> partitionIds, List<String> contentIds) {
  /** Copies the lists; {@code null} lists become empty ones, {@code null} ids are rejected. */
  public ContentKey(@Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    this.partitionIds = Ids.copy(partitionIds, "partitionIds");
    this.contentIds = Ids.copy(contentIds, "contentIds");
  }

  /**
   * Creates a key.
   *
   * @param partitionIds the partition ids ({@code null} means none)
   * @param contentIds the content ids ({@code null} means none)
   * @return the key
   */
  public static ContentKey of(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return new ContentKey(partitionIds, contentIds);
  }

  @Override
  public String toString() {
    return "ContentKey[partitionIds=" + partitionIds + ", contentIds=" + contentIds + "]";
  }

  /** Shared id-list normalisation (package-private helper of the value types). */
  static final class Ids {
    private Ids() {}

    static List<String> copy(@Nullable List<String> ids, String what) {
      if (ids == null) {
        return List.of();
      }
      for (int i = 0; i < ids.size(); i++) {
        if (ids.get(i) == null) {
          throw new InvalidCommandException(
              what + "[" + i + "] is null; ids must be strings (use an empty list for no ids)");
        }
      }
      return List.copyOf(ids);
    }

    static void requireNonNull(@Nullable Object value, String what) {
      Objects.requireNonNull(value, () -> what + " must not be null");
    }
  }
}
