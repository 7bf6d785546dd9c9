package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.internal.RepositoryStoredForm;
import io.github.pydanticdynamo.internal.mapping.StoredForm;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link WriteOnceRepository}: the same rules over an {@link
 * AsyncDynamoRepository}.
 *
 * <pre>{@code
 * new AsyncWriteOnceRepository<>(asyncReviews).write(imported)
 *     .thenAccept(written -> log.info("{} written", written.size()));
 * }</pre>
 *
 * @param <T> the model type
 */
public final class AsyncWriteOnceRepository<T> {
  private final AsyncDynamoRepository<T> repository;
  private final StoredForm<T> storedForm;

  /**
   * Wraps a repository.
   *
   * @param repository the repository to read from and write to
   */
  public AsyncWriteOnceRepository(AsyncDynamoRepository<T> repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.storedForm = RepositoryStoredForm.of(repository);
  }

  /**
   * Writes the contents that differ from what is stored.
   *
   * @param contents the candidate contents
   * @return the contents actually written, with their versions
   */
  public CompletableFuture<List<PartitionedContent<T>>> write(
      Iterable<PartitionedContent<T>> contents) {
    Map<ContentKey, PartitionedContent<T>> inputs = new LinkedHashMap<>();
    for (PartitionedContent<T> content : contents) {
      Objects.requireNonNull(content, "a content in the input is null");
      inputs.remove(content.key());
      inputs.put(content.key(), content);
    }
    if (inputs.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return PublisherCollector.collect(repository.getBatch(List.copyOf(inputs.keySet())))
        .thenCompose(
            pages -> {
              Map<ContentKey, PartitionedContent<T>> stored = new HashMap<>(inputs.size() * 2);
              pages.forEach(page -> page.contents().forEach(c -> stored.put(c.key(), c)));
              List<PartitionedContent<T>> kept =
                  WriteOnceRepository.decide(inputs, stored, storedForm);
              return kept.isEmpty()
                  ? CompletableFuture.completedFuture(kept)
                  : repository.putBatch(kept).thenApply(done -> kept);
            });
  }
}
