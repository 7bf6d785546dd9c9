package io.github.pydanticdynamo.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.ContentKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaterWritesTests {

  private static BatchEntry sent(String id) {
    return new BatchEntry(id, key(id), null, Map.of(), null, null);
  }

  private static ContentKey key(String id) {
    return ContentKey.of(List.of(), List.of(id));
  }

  private static List<String> ids(LaterWrites.Report report) {
    return report.failures().stream()
        .flatMap(f -> f.pending().stream())
        .map(e -> e.key().contentIds().get(0))
        .toList();
  }

  @Test
  void nothingReplacedNothingLeftOut() {
    LaterWrites writes = new LaterWrites();
    ChunkFailure failure = new ChunkFailure(List.of(sent("a"), sent("b")), null);
    writes.failed(failure);
    writes.starting(List.of(sent("c")));

    LaterWrites.Report report = writes.report(List.of(failure));
    assertThat(report.failures()).containsExactly(failure);
    assertThat(report.note()).isEmpty();
    assertThat(report.nothingLeft()).isFalse();
  }

  @Test
  void aFailedEntryWhoseKeyALaterChunkWroteIsLeftOut() {
    LaterWrites writes = new LaterWrites();
    BatchEntry older = sent("k");
    ChunkFailure first = new ChunkFailure(List.of(sent("a"), older), null);
    writes.failed(first);
    writes.starting(List.of(sent("k"), sent("z"))); // the later chunk writes k again, and succeeds

    LaterWrites.Report report = writes.report(List.of(first));
    assertThat(ids(report)).containsExactly("a");
    assertThat(report.superseded()).isEqualTo(1);
    assertThat(report.older()).isZero();
    assertThat(report.note())
        .isEqualTo(
            "; 1 item that was not written is left out: a later item of the same key in the"
                + " batch was written");
  }

  @Test
  void everyFailedEntryWrittenLaterLeavesNothingToReport() {
    LaterWrites writes = new LaterWrites();
    ChunkFailure first = new ChunkFailure(List.of(sent("k")), null);
    writes.failed(first);
    writes.starting(List.of(sent("k")));

    assertThat(writes.report(List.of(first)).nothingLeft()).isTrue();
  }

  @Test
  void whenTheLaterEntryFailsTooOnlyItIsReported() {
    LaterWrites writes = new LaterWrites();
    ChunkFailure first = new ChunkFailure(List.of(sent("k")), null);
    writes.failed(first);
    BatchEntry later = sent("k");
    writes.starting(List.of(later, sent("b")));
    ChunkFailure second = new ChunkFailure(List.of(later), null);
    writes.failed(second);

    LaterWrites.Report report = writes.report(List.of(first, second));
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).pending()).containsExactly(later);
    assertThat(report.older()).isEqualTo(1);
    assertThat(report.superseded()).isZero();
    assertThat(report.note())
        .isEqualTo("; 1 earlier item is left out: only the latest item of a key is listed");
  }

  @Test
  void entriesNeverSentAreReportedOncePerKeyTheLastOneKept() {
    LaterWrites writes = new LaterWrites();
    BatchEntry failed = sent("k");
    BatchEntry unsentOlder = BatchEntry.unsent(key("u"), null);
    BatchEntry unsentK = BatchEntry.unsent(key("k"), null);
    BatchEntry unsentNewer = BatchEntry.unsent(key("u"), null);
    RuntimeException broken = new IllegalStateException("request failed");

    LaterWrites.Report report =
        writes.report(
            List.of(
                new ChunkFailure(List.of(failed), broken),
                new ChunkFailure(List.of(unsentOlder, unsentK, unsentNewer), null)));

    assertThat(report.failures())
        .extracting(ChunkFailure::cause)
        .as("a failure keeps its cause even when all its entries are left out")
        .containsExactly(broken, null);
    assertThat(report.failures().get(1).pending()).containsExactly(unsentK, unsentNewer);
    assertThat(report.older()).isEqualTo(2);
    assertThat(report.note())
        .isEqualTo("; 2 earlier items are left out: only the latest item of a key is listed");
  }
}
