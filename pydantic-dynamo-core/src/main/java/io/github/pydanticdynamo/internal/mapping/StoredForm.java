package io.github.pydanticdynamo.internal.mapping;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Compares two items by the attributes they store as, not by {@code equals}. */
public final class StoredForm<T> {
  private final @Nullable ItemMapper<T> mapper;

  private StoredForm(@Nullable ItemMapper<T> mapper) {
    this.mapper = mapper;
  }

  /** The comparison through a mapper; with null, {@code equals} only. */
  public static <T> StoredForm<T> of(@Nullable ItemMapper<T> mapper) {
    return new StoredForm<>(mapper);
  }

  /** Whether the two items would be stored alike. */
  public boolean same(T a, T b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    return mapper != null && mapper.toAttributes(a).equals(mapper.toAttributes(b));
  }
}
