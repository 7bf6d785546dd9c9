package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.RepositoryStoredForm;
import io.github.pydanticdynamo.internal.mapping.StoredForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes contents only when they differ from what is stored, to keep repeated imports from
 * rewriting unchanged items. For each input it reads the stored item under the same key (in batches
 * of 100, never a range scan), keeps the input when nothing is stored there or the item or expiry
 * differ (the version does not count, and expiry is compared in whole seconds, as stored), writes
 * the kept ones with {@code putBatch}, and returns them as written. A rewritten item never goes
 * back in version: it is written at the stored version + 1. Duplicate keys in the input: the last
 * one wins. It minimises duplicate writes; it does not lock against concurrent writers.
 *
 * <pre>{@code
 * WriteOnceRepository<ActorReview> once = new WriteOnceRepository<>(reviews);
 * List<PartitionedContent<ActorReview>> written = once.write(imported);
 * }</pre>
 *
 * @param <T> the model type
 */
public final class WriteOnceRepository<T> {
  private final DynamoRepository<T> repository;
  private final StoredForm<T> storedForm;

  /**
   * Wraps a repository.
   *
   * @param repository the repository to read from and write to
   */
  public WriteOnceRepository(DynamoRepository<T> repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.storedForm = RepositoryStoredForm.of(repository);
  }

  /**
   * Writes the contents that differ from what is stored.
   *
   * @param contents the candidate contents
   * @return the contents actually written, with the versions they were written at, in input order
   *     (of each key's last occurrence)
   * @throws UnprocessedItemsException when the write gave up on some of them
   */
  public List<PartitionedContent<T>> write(Iterable<PartitionedContent<T>> contents) {
    Map<ContentKey, PartitionedContent<T>> inputs = new LinkedHashMap<>();
    for (PartitionedContent<T> content : contents) {
      Objects.requireNonNull(content, "a content in the input is null");
      inputs.remove(content.key());
      inputs.put(content.key(), content);
    }
    if (inputs.isEmpty()) {
      return List.of();
    }
    Map<ContentKey, PartitionedContent<T>> stored = new HashMap<>(inputs.size() * 2);
    repository
        .getBatch(List.copyOf(inputs.keySet()))
        .forEach(page -> page.contents().forEach(c -> stored.put(c.key(), c)));
    List<PartitionedContent<T>> kept = decide(inputs, stored, storedForm);
    if (!kept.isEmpty()) {
      repository.putBatch(kept);
    }
    return kept;
  }

  /** The inputs to write, given what is stored (shared with the async variant). */
  static <T> List<PartitionedContent<T>> decide(
      Map<ContentKey, PartitionedContent<T>> inputs,
      Map<ContentKey, PartitionedContent<T>> stored,
      StoredForm<T> storedForm) {
    List<PartitionedContent<T>> kept = new ArrayList<>();
    for (PartitionedContent<T> input : inputs.values()) {
      PartitionedContent<T> existing = stored.get(input.key());
      if (existing == null) {
        kept.add(input);
      } else if (!sameSecond(input, existing) || !storedForm.same(input.item(), existing.item())) {
        kept.add(
            input.withVersion(Math.max(input.currentVersion(), existing.currentVersion() + 1)));
      }
    }
    return kept;
  }

  private static boolean sameSecond(PartitionedContent<?> a, PartitionedContent<?> b) {
    if (a.expiry() == null || b.expiry() == null) {
      return a.expiry() == null && b.expiry() == null;
    }
    return a.expiry().getEpochSecond() == b.expiry().getEpochSecond();
  }
}
