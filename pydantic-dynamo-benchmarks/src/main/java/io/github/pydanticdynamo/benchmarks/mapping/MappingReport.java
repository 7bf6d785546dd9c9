package io.github.pydanticdynamo.benchmarks.mapping;

import io.github.pydanticdynamo.internal.item.AttributeSize;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MappingBenchmarks} with the GC profiler and prints Markdown tables of time and
 * allocation per operation, with ratios. Extra arguments are JMH's own ({@code -wi 1 -i 2}...).
 *
 * <pre>{@code
 * java -cp pydantic-dynamo-benchmarks/target/benchmarks.jar \
 *     io.github.pydanticdynamo.benchmarks.mapping.MappingReport
 * }</pre>
 */
public final class MappingReport {
  private static final String[] CONTENDERS = {
    "Ours", "EnhancedBean", "EnhancedImmutable", "HandWritten"
  };
  private static final String[] DIRECTIONS = {"toItem", "fromItem"};

  private MappingReport() {}

  /**
   * Runs the benchmarks and prints the tables.
   *
   * @param args JMH command-line options, which override the defaults
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = run(new CommandLineOptions(args));
    print(results, System.out);
  }

  static Collection<RunResult> run(CommandLineOptions commandLine) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .parent(commandLine)
            .include(MappingBenchmarks.class.getName())
            .addProfiler(GCProfiler.class)
            .addProfiler(CpuTimeProfiler.class)
            .build();
    return new Runner(options).run();
  }

  /** Prints the time and allocation tables of finished runs. */
  static void print(Collection<RunResult> results, PrintStream out) {
    Map<String, Double> time = new HashMap<>();
    Map<String, Double> error = new HashMap<>();
    Map<String, Double> cpu = new HashMap<>();
    Map<String, Double> alloc = new HashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String key = result.getParams().getParam("size") + "/" + method;
      time.put(key, median(result, null));
      error.put(key, result.getPrimaryResult().getScoreError());
      if (result.getSecondaryResults().containsKey(CpuTimeProfiler.RESULT)) {
        cpu.put(key, median(result, CpuTimeProfiler.RESULT));
      }
      Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
      if (allocation != null) {
        alloc.put(key, allocation.getScore());
      }
    }
    out.println("Item sizes (DynamoDB bytes): " + sizes());
    out.println();
    out.println(
        "Wall-clock time per operation (ns/op, median of the measured iterations, ± JMH's 99.9%"
            + " error of the mean; lower is better). Ratio = ours ÷ theirs.");
    out.println();
    table(out, time, error, "%.0f");
    out.println();
    out.println(
        "CPU time per operation (ns/op of the benchmark JVM including GC, median of the measured"
            + " iterations; steadier than wall-clock time when other processes share the cores)."
            + " Ratio = ours ÷ theirs.");
    out.println();
    table(out, cpu, Map.of(), "%.0f");
    out.println();
    out.println("Allocation per operation (bytes/op, -prof gc). Ratio = ours ÷ theirs.");
    out.println();
    table(out, alloc, Map.of(), "%.0f");
  }

  /** The median over all measured iterations of the primary result, or of a secondary one. */
  private static double median(RunResult result, @Nullable String secondary) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        Result<?> score =
            secondary == null
                ? iteration.getPrimaryResult()
                : iteration.getSecondaryResults().get(secondary);
        if (score != null) {
          scores.add(score.getScore());
        }
      }
    }
    if (scores.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(scores);
    int n = scores.size();
    return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
  }

  private static void table(
      PrintStream out, Map<String, Double> values, Map<String, Double> errors, String format) {
    out.println(
        "| size | direction | ours | Enhanced bean | Enhanced immutable | hand-written"
            + " | ours ÷ bean | ours ÷ immutable | ours ÷ hand-written |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (MappingFixture.Size size : MappingFixture.Size.values()) {
      for (String direction : DIRECTIONS) {
        StringBuilder row = new StringBuilder("| ");
        row.append(size.name().toLowerCase(Locale.ROOT)).append(" | ").append(direction);
        Double[] cells = new Double[CONTENDERS.length];
        for (int i = 0; i < CONTENDERS.length; i++) {
          String key = size + "/" + direction + CONTENDERS[i];
          cells[i] = values.get(key);
          row.append(" | ")
              .append(cells[i] == null ? "–" : String.format(Locale.ROOT, format, cells[i]));
          Double error = errors.get(key);
          if (cells[i] != null && error != null && !error.isNaN()) {
            row.append(" ± ").append(String.format(Locale.ROOT, format, error));
          }
        }
        for (int i = 1; i < CONTENDERS.length; i++) {
          row.append(" | ").append(ratio(cells[0], cells[i]));
        }
        out.println(row.append(" |"));
      }
    }
  }

  private static String ratio(Double ours, Double theirs) {
    if (ours == null || theirs == null || theirs == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", ours / theirs);
  }

  private static String sizes() {
    StringBuilder text = new StringBuilder();
    for (MappingFixture.Size size : MappingFixture.Size.values()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      long bytes = AttributeSize.itemSize(MappingFixture.of(size).attributes());
      text.append(size.name().toLowerCase(Locale.ROOT)).append(' ').append(bytes);
    }
    return text.toString();
  }
}
