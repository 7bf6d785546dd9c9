package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.internal.RepositoryStoredForm;
import io.github.pydanticdynamo.internal.batch.BatchRetry;
import io.github.pydanticdynamo.internal.mapping.StoredForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link WriteOnceRepository}: the same rules over an {@link
 * AsyncDynamoRepository}, with up to 8 conditional puts in flight.
 *
 * <pre>{@code
 * new AsyncWriteOnceRepository<>(asyncReviews).write(imported)
 *     .thenAccept(written -> log.info("{} written", written.size()));
 * }</pre>
 *
 * @param <T> the model type
 */
public final class AsyncWriteOnceRepository<T> {
  private static final int IN_FLIGHT = 8;

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
   * Writes the contents that differ from what is stored, each with a conditional put.
   *
   * @param contents the candidate contents
   * @return the contents this call wrote, with their versions, in input order; fails with {@link
   *     ConcurrentWriteException} when other writers stored different contents meanwhile or some
   *     outcomes are unknown, as the sync call throws it
   */
  public CompletableFuture<List<PartitionedContent<T>>> write(
      Iterable<PartitionedContent<T>> contents) {
    Map<ContentKey, PartitionedContent<T>> inputs = WriteOnceRepository.inputs(contents);
    if (inputs.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return PublisherCollector.collect(repository.getBatch(List.copyOf(inputs.keySet())))
        .thenCompose(
            pages -> {
              Map<ContentKey, PartitionedContent<T>> stored = new HashMap<>(inputs.size() * 2);
              pages.forEach(page -> page.contents().forEach(c -> stored.put(c.key(), c)));
              List<PartitionedContent<T>> kept = new ArrayList<>();
              List<Long> expected = new ArrayList<>();
              for (PartitionedContent<T> input : inputs.values()) {
                PartitionedContent<T> existing = stored.get(input.key());
                if (existing == null || WriteOnceRepository.differs(input, existing, storedForm)) {
                  kept.add(input);
                  expected.add(existing == null ? 0L : existing.currentVersion());
                }
              }
              return writeAll(kept, expected);
            });
  }

  /** Writes the kept inputs in lanes, and answers in input order. */
  private CompletableFuture<List<PartitionedContent<T>>> writeAll(
      List<PartitionedContent<T>> kept, List<Long> expected) {
    List<PartitionedContent<T>> written = Collections.synchronizedList(new ArrayList<>());
    List<ContentKey> conflicts = Collections.synchronizedList(new ArrayList<>());
    List<ContentKey> unknown = Collections.synchronizedList(new ArrayList<>());
    Object[] outcomes = new Object[kept.size()];
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(IN_FLIGHT, kept.size()); lane++) {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (int i = lane; i < kept.size(); i += IN_FLIGHT) {
        int index = i;
        chain =
            chain.thenCompose(
                v ->
                    writeOne(kept.get(index), expected.get(index), 1)
                        .thenAccept(outcome -> outcomes[index] = outcome));
      }
      lanes.add(chain);
    }
    return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              for (Object outcome : outcomes) {
                if (outcome instanceof PartitionedContent<?> content) {
                  @SuppressWarnings("unchecked")
                  PartitionedContent<T> typed = (PartitionedContent<T>) content;
                  written.add(typed);
                } else if (outcome instanceof ContentKey key) {
                  conflicts.add(key);
                } else if (outcome instanceof Unknown u) {
                  unknown.add(u.key());
                }
              }
              return WriteOnceRepository.done(
                  List.copyOf(written), List.copyOf(conflicts), List.copyOf(unknown));
            });
  }

  /** A write whose outcome is unknown. */
  private record Unknown(ContentKey key) {}

  /**
   * The written content, the key of a conflict, an unknown outcome, or a marker for "unchanged".
   */
  private CompletableFuture<Object> writeOne(
      PartitionedContent<T> input, long expected, int attempt) {
    return repository
        .putIfVersion(input, expected)
        .<Object>thenApply(written -> written)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (cause instanceof WriteOutcomeUnknownException) {
                return CompletableFuture.completedFuture(new Unknown(input.key()));
              }
              if (!(cause instanceof RequestObjectStateException refused)) {
                return CompletableFuture.failedFuture(cause);
              }
              return repository
                  .get(input.key().partitionIds(), input.key().contentIds())
                  .thenCompose(
                      response -> {
                        PartitionedContent<T> now = response.content().orElse(null);
                        Long retry = WriteOnceRepository.retryVersion(refused, now, attempt);
                        if (retry != null) {
                          return writeOne(input, retry, attempt + 1);
                        }
                        return CompletableFuture.completedFuture(
                            now == null || WriteOnceRepository.differs(input, now, storedForm)
                                ? input.key()
                                : Boolean.FALSE);
                      });
            });
  }
}
