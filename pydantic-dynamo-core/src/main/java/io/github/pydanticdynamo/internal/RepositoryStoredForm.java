package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.internal.mapping.StoredForm;

/** The stored-form comparison of a repository: by its mapper when it is one of ours. */
public final class RepositoryStoredForm {
  private RepositoryStoredForm() {}

  /** The comparison for a repository (by value when it is one of ours, else {@code equals}). */
  public static <T> StoredForm<T> of(DynamoRepository<T> repository) {
    return StoredForm.of(
        repository instanceof DefaultDynamoRepository<T> ours ? ours.mapper() : null);
  }

  /** The comparison for an async repository. */
  public static <T> StoredForm<T> of(AsyncDynamoRepository<T> repository) {
    return StoredForm.of(
        repository instanceof DefaultAsyncDynamoRepository<T> ours ? ours.mapper() : null);
  }
}
