package io.github.pydanticdynamo.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory benchmark, run with a tiny size so it cannot rot: every case runs and counts. */
class MemoryBenchmarkTests {

  @Test
  void tinyRunRunsEveryCaseInItsOwnJvmAndPrintsTheTable() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    List<MemoryBenchmark.Result> results =
        MemoryBenchmark.run(
            LocalDynamoDb.shared(),
            120,
            130,
            "64m",
            MemoryBenchmark.CASES,
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(results).extracting(MemoryBenchmark.Result::name).isEqualTo(MemoryBenchmark.CASES);
    assertThat(results)
        .extracting(MemoryBenchmark.Result::count)
        .containsExactly(130L, 130L, 120L, 120L, 130L, 130L, 130L, 130L, 130L);
    // every case reported its line (times are not compared: a fast case may round to 0.0 s)
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains(MemoryBenchmark.CASES.stream().map(c -> c + " ").toList());
    assertThat(MemoryBenchmark.table(results, 120, 130, "64m"))
        .contains("| putBatch, lazy Iterable, sync | 130 |")
        .contains("| list of the partition, async Publisher (one page at a time) | 130 |")
        .contains("| putBatch from a Publisher (synchronous, lazy), async | 130 |")
        .contains("| delete by prefix of the whole partition, async | 130 |");
  }
}
