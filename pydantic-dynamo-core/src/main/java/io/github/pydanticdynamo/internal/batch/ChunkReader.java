package io.github.pydanticdynamo.internal.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a batch's source one chunk at a time: up to {@code size} entries with distinct keys, each
 * built only when its chunk is read, so a batch holds no more than the chunks it has in hand.
 */
public final class ChunkReader<S> implements ChunkSource {

  /** Builds the entry of one source element at {@code position} (0-based); may reject it. */
  @FunctionalInterface
  public interface Entries<S> {
    BatchEntry entry(S source, int position);
  }

  /** Which of two entries of one key in a chunk is kept. */
  public enum Duplicates {
    /** The later one replaces the earlier (writes: the last one wins). */
    LAST_WINS,
    /** The later one is dropped (reads and deletes ask each key once). */
    FIRST_WINS
  }

  /**
   * The source failed at {@code position} (a bad element, or the source's own failure): the chunk
   * being read is abandoned; {@code partial} holds its entries read before that element.
   */
  public static final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<BatchEntry> partial;
    private final long position;

    SourceFailure(RuntimeException cause, long position, List<BatchEntry> partial) {
      super(cause.getMessage(), cause, false, false);
      this.partial = partial;
      this.position = position;
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }

    public List<BatchEntry> partial() {
      return partial;
    }

    public long position() {
      return position;
    }
  }

  private final Iterator<? extends S> source;
  private final Entries<S> entries;
  private final Entries<S> unsent;
  private final int size;
  private final Duplicates duplicates;
  private final @Nullable Set<S> seen;
  private final long total;
  private int position;
  private @Nullable List<BatchEntry> peeked;
  private boolean ended;

  /**
   * A reader.
   *
   * @param source the elements, read once, in order
   * @param entries builds a chunk entry (maps, checks); may throw
   * @param unsent builds the entry reporting an element never sent, without checks
   * @param size the chunk size
   * @param duplicates which entry of a key a chunk keeps
   * @param seen when not null, elements already read (by equality) are skipped across chunks
   * @param total how many elements the source holds, or -1 when unknown (a single-pass source)
   */
  public ChunkReader(
      Iterator<? extends S> source,
      Entries<S> entries,
      Entries<S> unsent,
      int size,
      Duplicates duplicates,
      @Nullable Set<S> seen,
      long total) {
    this.source = source;
    this.entries = entries;
    this.unsent = unsent;
    this.size = size;
    this.duplicates = duplicates;
    this.seen = seen;
    this.total = total;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public long read() {
    return position;
  }

  /** Whether another chunk follows. */
  public boolean hasNext() {
    if (peeked == null) {
      peeked = readChunk();
    }
    return peeked != null;
  }

  /**
   * The next chunk, or null when the source is exhausted.
   *
   * @throws SourceFailure when an element is rejected or the source fails
   */
  @Override
  public @Nullable List<BatchEntry> next() {
    List<BatchEntry> chunk = peeked != null ? peeked : readChunk();
    peeked = null;
    if (chunk == null) {
      ended = true;
    }
    return chunk;
  }

  @Override
  public boolean ended() {
    return ended;
  }

  private @Nullable List<BatchEntry> readChunk() {
    List<BatchEntry> chunk = null;
    Map<String, Integer> index = null;
    while (chunk == null || chunk.size() < size) {
      S element;
      BatchEntry entry;
      try {
        if (!source.hasNext()) {
          break;
        }
        element = source.next();
        if (seen != null && !seen.add(element)) {
          position++;
          continue;
        }
        entry = entries.entry(element, position);
      } catch (RuntimeException e) {
        throw new SourceFailure(e, position, chunk == null ? List.of() : chunk);
      }
      position++;
      if (chunk == null) {
        chunk = new ArrayList<>(size);
        index = new HashMap<>(size * 2);
      }
      Integer earlier = index.putIfAbsent(entry.identity(), chunk.size());
      if (earlier == null) {
        chunk.add(entry);
      } else if (duplicates == Duplicates.LAST_WINS) {
        chunk.set(earlier, entry);
      }
    }
    return chunk;
  }

  /**
   * Everything not yet handed out (a chunk read ahead, then the rest of the source), as entries
   * that were never sent; empty when the source cannot be read again.
   */
  @Override
  public List<BatchEntry> rest() {
    List<BatchEntry> rest = new ArrayList<>();
    if (peeked != null) {
      rest.addAll(peeked);
      peeked = null;
    }
    if (!rereadable()) {
      return rest;
    }
    while (source.hasNext()) {
      S element = source.next();
      if (seen == null || seen.add(element)) {
        rest.add(unsent.entry(element, position));
      }
      position++;
    }
    return rest;
  }
}
