package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.ContentKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch reports for a key it wrote again after a chunk gave up on it: an entry a later
 * chunk's write of its key replaced is not reported (the later value was written, or is reported in
 * its place), and a key is reported once, with its latest value. Tracked only once a chunk has
 * failed, so a batch without failures pays nothing per entry. Used by one thread at a time (the
 * writer's loop), in the order chunks start and settle: a chunk sharing a key with one in flight
 * starts only after that one settled.
 */
final class LaterWrites {
  private final Map<String, BatchEntry> failed = new HashMap<>(); // identity: latest failed entry
  private final Set<BatchEntry> replaced = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A chunk settled with {@code failure}: a later chunk may write its keys again. */
  void failed(ChunkFailure failure) {
    for (BatchEntry entry : failure.pending()) {
      if (!entry.identity().isEmpty()) {
        failed.put(entry.identity(), entry);
      }
    }
  }

  /** A chunk starts: the failed entries of its keys are replaced by its own. */
  void starting(List<BatchEntry> chunk) {
    if (failed.isEmpty()) {
      return;
    }
    for (BatchEntry entry : chunk) {
      BatchEntry earlier = failed.remove(entry.identity());
      if (earlier != null) {
        replaced.add(earlier);
      }
    }
  }

  /**
   * What to report of {@code failures} (in the order their entries were read, as chunks sharing a
   * key settle in order): each key's latest entry that no later write replaced.
   */
  Report report(List<ChunkFailure> failures) {
    Map<ContentKey, BatchEntry> latest = new HashMap<>();
    for (ChunkFailure failure : failures) {
      for (BatchEntry entry : failure.pending()) {
        if (!replaced.contains(entry)) {
          latest.put(entry.key(), entry);
        }
      }
    }
    List<ChunkFailure> reported = new ArrayList<>(failures.size());
    int superseded = 0;
    int older = 0;
    for (ChunkFailure failure : failures) {
      List<BatchEntry> kept = new ArrayList<>(failure.pending().size());
      for (BatchEntry entry : failure.pending()) {
        BatchEntry last = latest.get(entry.key());
        if (last == entry) {
          kept.add(entry);
        } else if (last != null) {
          older++;
        } else {
          superseded++;
        }
      }
      if (!kept.isEmpty() || failure.cause() != null) {
        reported.add(
            kept.size() == failure.pending().size()
                ? failure
                : new ChunkFailure(kept, failure.cause()));
      }
    }
    return new Report(reported, superseded, older);
  }

  /**
   * The failures to report, and how many entries were left out: {@code superseded} (a later write
   * of the key succeeded) and {@code older} (the key is reported with a later value).
   */
  record Report(List<ChunkFailure> failures, int superseded, int older) {

    /** Whether nothing is left to report: every failed entry was written by a later write. */
    boolean nothingLeft() {
      return failures.isEmpty();
    }

    /** The message's note on what was left out, or "". */
    String note() {
      StringBuilder note = new StringBuilder();
      if (superseded > 0) {
        note.append("; ")
            .append(superseded)
            .append(
                superseded == 1
                    ? " item that was not written is"
                    : " items that were not written are")
            .append(" left out: a later item of the same key in the batch was written");
      }
      if (older > 0) {
        note.append("; ")
            .append(older)
            .append(older == 1 ? " earlier item is" : " earlier items are")
            .append(" left out: only the latest item of a key is listed");
      }
      return note.toString();
    }
  }
}
