package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.RepositoryPool;
import io.github.pydanticdynamo.internal.RepositoryStoredForm;
import io.github.pydanticdynamo.internal.mapping.StoredForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes contents only when they differ from what is stored, to keep repeated imports from
 * rewriting unchanged items, and never over a concurrent writer. For each input it reads the stored
 * item under the same key (in batches of 100, never a range scan) and keeps the input when nothing
 * is stored there or the item or expiry differ (the version does not count, and expiry is compared
 * in whole seconds, as stored). Each kept input is written with {@link
 * DynamoRepository#putIfVersion}: only if the item is still absent, or still at the version read,
 * at that version + 1 (a new item at version 1). So of racing writers of the same content exactly
 * one writes it and the others find it unchanged; and a content another writer stored in between is
 * never replaced: its key is reported in a {@link ConcurrentWriteException}, as is a write whose
 * response was lost and whose outcome cannot be told ({@link
 * ConcurrentWriteException#unknownOutcomes()}). What a call returns is exactly what it wrote.
 * Duplicate keys in the input: the last one wins. The puts are spread over the repository's batch
 * pool, at most {@link BatchSettings#concurrency()} at once (one after the other at concurrency 1;
 * a repository that is not built by this library, such as an observed one, gets a pool of the
 * call's own); only the puts running are queued, so a large input costs no queue of requests.
 *
 * <pre>{@code
 * WriteOnceRepository<ActorReview> once = new WriteOnceRepository<>(reviews);
 * try {
 *   List<PartitionedContent<ActorReview>> written = once.write(imported);
 * } catch (ConcurrentWriteException e) {
 *   // e.written() were written; e.conflicts() hold other writers' contents, left as they are
 * }
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
   * Writes the contents that differ from what is stored, each with a conditional put.
   *
   * @param contents the candidate contents
   * @return the contents this call wrote, with the versions they were written at, in input order
   *     (of each key's last occurrence)
   * @throws ConcurrentWriteException when other writers stored different contents under some keys
   *     meanwhile (those are left as they are), or a write's response was lost and its outcome
   *     cannot be told ({@link ConcurrentWriteException#unknownOutcomes()}); it lists them and what
   *     was written
   */
  public List<PartitionedContent<T>> write(Iterable<PartitionedContent<T>> contents) {
    Map<ContentKey, PartitionedContent<T>> inputs = inputs(contents);
    if (inputs.isEmpty()) {
      return List.of();
    }
    Map<ContentKey, PartitionedContent<T>> stored = new HashMap<>(inputs.size() * 2);
    repository
        .getBatch(List.copyOf(inputs.keySet()))
        .forEach(page -> page.contents().forEach(c -> stored.put(c.key(), c)));
    List<PartitionedContent<T>> kept = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    for (PartitionedContent<T> input : inputs.values()) {
      PartitionedContent<T> existing = stored.get(input.key());
      if (existing == null || differs(input, existing, storedForm)) {
        kept.add(input);
        expected.add(existing == null ? 0L : existing.currentVersion());
      }
    }
    stored.clear();
    List<@Nullable Object> outcomes =
        RepositoryPool.map(
            repository, kept.size(), index -> writeOne(kept.get(index), expected.get(index)));
    List<PartitionedContent<T>> written = new ArrayList<>();
    List<ContentKey> conflicts = new ArrayList<>();
    List<ContentKey> unknown = new ArrayList<>();
    for (Object outcome : outcomes) {
      if (outcome instanceof Written<?> ok) {
        @SuppressWarnings("unchecked")
        PartitionedContent<T> content = (PartitionedContent<T>) ok.content();
        written.add(content);
      } else if (outcome instanceof Conflict conflict) {
        conflicts.add(conflict.key());
      } else if (outcome instanceof Unknown lost) {
        unknown.add(lost.key());
      }
    }
    return done(written, conflicts, unknown);
  }

  private record Written<T>(PartitionedContent<T> content) {}

  private record Conflict(ContentKey key) {}

  private record Unknown(ContentKey key) {}

  /**
   * One conditional put: what was written, a conflict, an unknown outcome, or null when the item
   * turned out to be stored unchanged by another writer.
   */
  private @Nullable Object writeOne(PartitionedContent<T> input, long expectedVersion) {
    long expected = expectedVersion;
    for (int attempt = 1; ; attempt++) {
      try {
        return new Written<>(repository.putIfVersion(input, expected));
      } catch (WriteOutcomeUnknownException e) {
        return new Unknown(input.key());
      } catch (RequestObjectStateException refused) {
        PartitionedContent<T> now =
            repository
                .get(input.key().partitionIds(), input.key().contentIds())
                .content()
                .orElse(null);
        Long retry = retryVersion(refused, now, attempt);
        if (retry != null) {
          expected = retry;
          continue;
        }
        return now == null || differs(input, now, storedForm) ? new Conflict(input.key()) : null;
      }
    }
  }

  /** The inputs by key, the last of each key winning, in input order. */
  static <T> Map<ContentKey, PartitionedContent<T>> inputs(
      Iterable<PartitionedContent<T>> contents) {
    Map<ContentKey, PartitionedContent<T>> inputs = new LinkedHashMap<>();
    for (PartitionedContent<T> content : contents) {
      Objects.requireNonNull(content, "a content in the input is null");
      inputs.remove(content.key());
      inputs.put(content.key(), content);
    }
    return inputs;
  }

  /**
   * The version to try once more at: an item hidden from reads because it expired is still stored,
   * so a create refused by it is written over it at its version.
   */
  static @Nullable Long retryVersion(
      RuntimeException refused, @Nullable PartitionedContent<?> now, int attempt) {
    if (attempt == 1
        && now == null
        && refused instanceof VersionConflictException conflict
        && conflict.storedVersion().isPresent()) {
      return conflict.storedVersion().getAsLong();
    }
    return null;
  }

  /** The written contents, or the exception naming the conflicts too. */
  static <T> List<PartitionedContent<T>> done(
      List<PartitionedContent<T>> written, List<ContentKey> conflicts, List<ContentKey> unknown) {
    if (conflicts.isEmpty() && unknown.isEmpty()) {
      return written;
    }
    throw new ConcurrentWriteException(
        written,
        conflicts,
        unknown,
        conflicts.size()
            + " item(s) were written with a different content by another writer meanwhile and"
            + " were left as they are"
            + (conflicts.isEmpty() ? "" : " (first: " + conflicts.get(0) + ")")
            + "; "
            + unknown.size()
            + " item(s) have an unknown outcome after a lost response"
            + (unknown.isEmpty() ? "" : " (first: " + unknown.get(0) + ")")
            + "; "
            + written.size()
            + " item(s) were written by this call. Read the listed items and decide.");
  }

  /** Whether an input differs from a stored content (item or expiry; not the version). */
  static <T> boolean differs(
      PartitionedContent<T> input, PartitionedContent<T> existing, StoredForm<T> storedForm) {
    return !sameSecond(input, existing) || !storedForm.same(input.item(), existing.item());
  }

  private static boolean sameSecond(PartitionedContent<?> a, PartitionedContent<?> b) {
    if (a.expiry() == null || b.expiry() == null) {
      return a.expiry() == null && b.expiry() == null;
    }
    return a.expiry().getEpochSecond() == b.expiry().getEpochSecond();
  }
}
