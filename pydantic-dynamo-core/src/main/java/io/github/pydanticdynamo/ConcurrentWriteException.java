package io.github.pydanticdynamo;

import java.util.List;

/**
 * A {@link WriteOnceRepository} (or {@link AsyncWriteOnceRepository}) call found that other writers
 * stored different contents under some of its keys between its read and its write ({@link
 * #conflicts()}), or could not tell whether some of its writes were applied because their responses
 * were lost and the items were changed meanwhile ({@link #unknownOutcomes()}, see {@link
 * WriteOutcomeUnknownException}). Conflicting contents were not replaced; the rest of the call
 * completed, and {@link #written()} lists what this call did write (its return value, had nothing
 * conflicted).
 *
 * <pre>{@code
 * try {
 *   once.write(imported);
 * } catch (ConcurrentWriteException e) {
 *   log.warn("{} written, {} changed concurrently: {}", e.written().size(), e.conflicts().size(), e.conflicts());
 * }
 * }</pre>
 */
public class ConcurrentWriteException extends RequestObjectStateException {
  private static final long serialVersionUID = 1L;

  private final transient List<PartitionedContent<?>> written;
  private final List<ContentKey> conflicts;
  private final List<ContentKey> unknownOutcomes;

  /**
   * Creates the exception.
   *
   * @param written the contents this call wrote, with their versions
   * @param conflicts the keys under which another writer stored a different content
   * @param unknownOutcomes the keys whose write may or may not have been applied
   * @param message the message, naming the counts and the first keys
   */
  public ConcurrentWriteException(
      List<? extends PartitionedContent<?>> written,
      List<ContentKey> conflicts,
      List<ContentKey> unknownOutcomes,
      String message) {
    super(message);
    this.written = List.copyOf(written);
    this.conflicts = List.copyOf(conflicts);
    this.unknownOutcomes = List.copyOf(unknownOutcomes);
  }

  /**
   * The contents this call wrote, in input order, with the versions they were written at.
   *
   * @return the written contents
   */
  public List<PartitionedContent<?>> written() {
    return written;
  }

  /**
   * The keys under which a concurrent writer stored a different content, which this call left as it
   * was.
   *
   * @return the conflicting keys, in input order
   */
  public List<ContentKey> conflicts() {
    return conflicts;
  }

  /**
   * The keys whose write may or may not have been applied: a response was lost and the item was
   * changed by another writer before the library could check (read them to decide).
   *
   * @return the keys, in input order
   */
  public List<ContentKey> unknownOutcomes() {
    return unknownOutcomes;
  }
}
