package io.github.pydanticdynamo.internal.batch;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link AsyncBatchWriter} reads a batch's chunks: an {@link Iterable} ({@link ChunkReader},
 * every chunk at hand when asked) or a publisher ({@link PublisherChunks}, a chunk ready only once
 * its items arrived, the writer woken when one may be).
 */
public interface ChunkSource {

  /**
   * Starts the source; {@code ready} is run (on any thread) whenever a chunk may have become ready,
   * or the source ended or failed. A source that has every chunk at hand never runs it.
   */
  default void start(Runnable ready) {}

  /**
   * The next chunk, or null when none is ready now (see {@link #ended()}: then {@code ready} runs
   * once one may be).
   *
   * @throws ChunkReader.SourceFailure when an element is rejected or the source fails
   */
  @Nullable List<BatchEntry> next();

  /** Whether every chunk was handed out (or the source was stopped): no chunk will follow. */
  boolean ended();

  /** How many elements the source holds, or -1 when it can be read only once. */
  long total();

  /** Whether the source can be read again (its total is known, the rest can be reported). */
  default boolean rereadable() {
    return total() >= 0;
  }

  /** How many source elements were read so far. */
  long read();

  /**
   * Stops the source and returns everything read but not handed out, as entries never sent (for a
   * re-readable source, the rest of the source too).
   */
  List<BatchEntry> rest();

  /** Stops the source (a publisher's subscription is cancelled); nothing more is read. */
  default void stop() {}
}
