package io.github.pydanticdynamo;

import java.util.List;

/**
 * A {@link WriteOnceRepository} (or {@link AsyncWriteOnceRepository}) call found that other writers
 * stored different contents under some of its keys between its read and its write. Those contents
 * were not replaced; the rest of the call completed, and {@link #written()} lists what this call
 * did write (its return value, had nothing conflicted).
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

  /**
   * Creates the exception.
   *
   * @param written the contents this call wrote, with their versions
   * @param conflicts the keys under which another writer stored a different content
   * @param message the message, naming the counts and the first keys
   */
  public ConcurrentWriteException(
      List<? extends PartitionedContent<?>> written, List<ContentKey> conflicts, String message) {
    super(message);
    this.written = List.copyOf(written);
    this.conflicts = List.copyOf(conflicts);
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
}
