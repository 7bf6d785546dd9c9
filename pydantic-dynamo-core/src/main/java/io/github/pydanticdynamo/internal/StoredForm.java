package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares two items by what they store as, not by {@code equals} (which arrays and some classes do
 * not implement by value): two items are the same when they map to the same attributes.
 */
public final class StoredForm<T> {
  private final @Nullable ItemMapper<T> mapper;

  private StoredForm(@Nullable ItemMapper<T> mapper) {
    this.mapper = mapper;
  }

  /** The comparison for a repository (by value when it is one of ours, else {@code equals}). */
  public static <T> StoredForm<T> of(DynamoRepository<T> repository) {
    return new StoredForm<>(
        repository instanceof DefaultDynamoRepository<T> ours ? ours.mapper() : null);
  }

  /** The comparison for an async repository. */
  public static <T> StoredForm<T> of(AsyncDynamoRepository<T> repository) {
    return new StoredForm<>(
        repository instanceof DefaultAsyncDynamoRepository<T> ours ? ours.mapper() : null);
  }

  /** Whether the two items would be stored alike. */
  public boolean same(T a, T b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    return mapper != null && mapper.toAttributes(a).equals(mapper.toAttributes(b));
  }
}
