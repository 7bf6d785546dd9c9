package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * putBatch's client CPU, ours against hand-written code, on a client that answers every
 * BatchWriteItem at once (what {@link ClientOverheadBenchmarks} measures, as process CPU time
 * rather than wall-clock time, which a shared machine blurs): rounds of putBatch calls, the
 * contenders in turn, GC included; prints the medians, the spread and the ratio.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.github.pydanticdynamo.benchmarks.endtoend.PutBatchCpuProbe 10000 9
 * }</pre>
 */
public final class PutBatchCpuProbe {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private PutBatchCpuProbe() {}

  /**
   * Runs the probe.
   *
   * @param args items per putBatch (10000), measured rounds (9), batch concurrency (1)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    DynamoDbClient answering = ClientOverheadBenchmarks.ANSWERING;
    List<MediumItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(Fixtures.medium(i));
    }
    Contender ours =
        new OursSyncContender(
            answering, "table", BatchSettings.defaults().withConcurrency(concurrency));
    Contender raw = RawSdkContender.sync(answering, "table");
    int calls = Math.max(1, 100_000 / count);
    double[] oursCpu = new double[rounds];
    double[] rawCpu = new double[rounds];
    for (int round = -3; round < rounds; round++) { // three warm-up rounds
      double o = cpuPerCall(ours, items, calls);
      double r = cpuPerCall(raw, items, calls);
      if (round >= 0) {
        oursCpu[round] = o;
        rawCpu[round] = r;
      }
    }
    Arrays.sort(oursCpu);
    Arrays.sort(rawCpu);
    System.out.printf(
        Locale.ROOT,
        "putBatch of %d medium items, client CPU per call over %d rounds: ours %.1f ms (%.1f–%.1f),"
            + " hand-written %.1f ms (%.1f–%.1f), ratio of medians %.2f%n",
        count,
        rounds,
        oursCpu[rounds / 2],
        oursCpu[0],
        oursCpu[rounds - 1],
        rawCpu[rounds / 2],
        rawCpu[0],
        rawCpu[rounds - 1],
        oursCpu[rounds / 2] / rawCpu[rounds / 2]);
    ours.close();
  }

  private static double cpuPerCall(Contender contender, List<MediumItem> items, int calls) {
    long start = OS.getProcessCpuTime();
    for (int i = 0; i < calls; i++) {
      contender.putBatch(items);
    }
    return (OS.getProcessCpuTime() - start) / 1e6 / calls;
  }
}
