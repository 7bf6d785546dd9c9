package io.github.pydanticdynamo.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrentPutBatchProbeTests {

  @Test
  void theReportGivesMediansRangesAndRatiosToBothHandWrittenContenders() {
    double[][] cpu = {
      {200, 100, 300}, // hand-written, sequential
      {400, 200, 600}, // hand-written, 8 threads
      {220, 110, 330}, // ours, concurrency 8
      {200, 100, 300} // ours, concurrency 1
    };

    String report = ConcurrentPutBatchProbe.report(10_000, 3, cpu);

    assertThat(report)
        .startsWith("putBatch of 10,000 medium items, client CPU minus JIT per call, 3 rounds")
        .contains(
            "| hand-written, sequential | 200 (100–300) | 1.00 / 1.00 / 1.00 | 0.50 / 0.50 / 0.50 |")
        .contains(
            "| hand-written, 8 threads | 400 (200–600) | 2.00 / 2.00 / 2.00 | 1.00 / 1.00 / 1.00 |")
        .contains(
            "| ours sync, concurrency 8 | 220 (110–330) | 1.10 / 1.10 / 1.10 | 0.55 / 0.55 / 0.55 |")
        .contains("| ours sync, concurrency 1 | 200 (100–300) | 1.00 / 1.00 / 1.00 |");
  }
}
