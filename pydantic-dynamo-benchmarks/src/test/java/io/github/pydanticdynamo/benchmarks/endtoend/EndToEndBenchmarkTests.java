package io.github.pydanticdynamo.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The harness, run with tiny sizes on the local engine so it cannot rot. */
class EndToEndBenchmarkTests {

  @Test
  void tinyRunPrintsBothTablesWithEveryRow() {
    HarnessConfig config =
        HarnessConfig.from(
            new String[] {
              "items=50",
              "singles=120",
              "updates=10",
              "rounds=1",
              "warmup=0",
              "delayMs=1,2",
              "delayRounds=1"
            },
            new Properties());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    String report =
        EndToEndBenchmark.run(
            config,
            LocalDynamoDb.shared(),
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    String wall = section(report, "### Direct to the engine: wall-clock time");
    String cpu = section(report, "### Direct to the engine: client CPU time");
    for (String table : List.of(wall, cpu)) {
      assertThat(table)
          .contains("| operation | ours sync | ours async | Enhanced | raw SDK | raw SDK async |")
          .contains("| putBatch 50 items | ")
          .contains("| getBatch 50 keys | ")
          .contains("| list 50-item partition | ")
          .contains("| put ×120 | ")
          .contains("| get ×120 | ")
          .contains("| update ×10 | ")
          .contains("| index query (global index, one status) | ")
          .contains("| scan 170-item table | ");
    }
    for (String delay : List.of("1", "2")) {
      assertThat(section(report, "### Through a proxy adding " + delay + " ms to every request"))
          .contains("| putBatch 50 items | ")
          .contains("| getBatch 50 keys | ")
          .doesNotContain("| list ");
    }
    // every contender ran, so no cell says "not run"; figures themselves are not asserted (a tiny
    // run can measure 0.0 ms), but no cell may read NaN or Infinity whatever they are
    assertThat(report).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("| – ");
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("delay proxy (1 ms) forwarded")
        .contains("delay proxy (2 ms) forwarded");
  }

  @Test
  void onlyRunsTheNamedContenders() {
    HarnessConfig config =
        HarnessConfig.from(
            new String[] {
              "items=10",
              "singles=5",
              "updates=5",
              "rounds=1",
              "warmup=0",
              "delayMs=0",
              "only=oursSync,raw"
            },
            new Properties());

    String report =
        EndToEndBenchmark.run(
            config,
            LocalDynamoDb.shared(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(section(report, "### Direct to the engine: wall-clock time"))
        .containsPattern(
            "\\| put ×5 \\| [0-9.]+ \\| – \\| – \\| [0-9.]+ \\| – \\| ([0-9.]+|n/a) \\| – ");
    assertThat(report).doesNotContain("Through a proxy");
  }

  @Test
  void ratiosOverAZeroMeasurementReadNotApplicable() {
    assertThat(EndToEndBenchmark.ratio(1.5, 0.0)).isEqualTo("n/a");
    assertThat(EndToEndBenchmark.ratio(0.0, 0.0)).isEqualTo("n/a");
    assertThat(EndToEndBenchmark.ratio(1.0, Double.POSITIVE_INFINITY)).isEqualTo("n/a");
    assertThat(EndToEndBenchmark.speedUp(2.0, 0.0)).isEqualTo("n/a");
    assertThat(EndToEndBenchmark.ratio(3.0, 2.0)).isEqualTo("1.50");
    assertThat(EndToEndBenchmark.speedUp(3.0, 2.0)).isEqualTo("1.50×");
    assertThat(EndToEndBenchmark.ratio(Double.NaN, 2.0)).isEqualTo("–");
    assertThat(EndToEndBenchmark.speedUp(2.0, Double.NaN)).isEqualTo("–");
  }

  /** The text from a heading to the next heading. */
  private static String section(String report, String heading) {
    int start = report.indexOf(heading);
    assertThat(start).as("heading %s in%n%s", heading, report).isNotNegative();
    int end = report.indexOf("\n###", start + heading.length());
    return end < 0 ? report.substring(start) : report.substring(start, end);
  }

  @Test
  void settingsComeFromArgumentsOverSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("bench.items", "300");
    properties.setProperty("bench.rounds", "2");

    HarnessConfig config =
        HarnessConfig.from(new String[] {"--rounds=7", "delayMs=10"}, properties);

    assertThat(config.items()).isEqualTo(300);
    assertThat(config.rounds()).isEqualTo(7);
    assertThat(config.delays()).containsExactly(Duration.ofMillis(10));
    assertThat(config.delayRounds()).isEqualTo(3);
    assertThat(config.singles()).isEqualTo(2000);
  }

  @Test
  void unknownSettingsAreRejected() {
    assertThatThrownBy(() -> HarnessConfig.from(new String[] {"itmes=5"}, new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itmes");
  }
}
