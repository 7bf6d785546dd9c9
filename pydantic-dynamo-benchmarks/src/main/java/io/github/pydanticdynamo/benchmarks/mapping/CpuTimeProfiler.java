package io.github.pydanticdynamo.benchmarks.mapping;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark JVM's CPU time per operation ({@code cpu.time.norm},
 * ns/op): benchmark threads plus GC and compiler threads. Unlike wall-clock time it hardly moves
 * when other processes compete for the machine's cores, so ratios stay meaningful on a busy
 * machine.
 *
 * <pre>{@code
 * java -jar benchmarks.jar MappingBenchmarks -prof gc \
 *     -prof io.github.pydanticdynamo.benchmarks.mapping.CpuTimeProfiler
 * }</pre>
 */
public final class CpuTimeProfiler implements InternalProfiler {
  /** The name of the secondary result. */
  public static final String RESULT = "cpu.time.norm";

  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long start;

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    start = CPU.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = CPU.getProcessCpuTime() - start;
    long operations = result.getMetadata().getAllOps();
    if (operations <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult(RESULT, cpu / (double) operations, "ns/op", AggregationPolicy.AVG));
  }

  @Override
  public String getDescription() {
    return "process CPU time per operation (benchmark, GC and compiler threads)";
  }
}
