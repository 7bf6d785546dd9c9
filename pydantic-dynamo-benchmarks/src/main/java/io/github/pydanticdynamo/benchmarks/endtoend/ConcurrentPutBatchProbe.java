package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * putBatch's client CPU on the local engine, like for like: pydantic-dynamo's sync repository
 * (batch concurrency 8, its default, and 1) against hand-written SDK code that sends its chunks one
 * after another and hand-written code that sends them on 8 threads, all on one sync client, in
 * rounds whose order rotates. Process CPU minus the JIT compilers' time in the window (the JIT
 * keeps recompiling the SDK's code for dozens of rounds and lands its hundreds of milliseconds on
 * whichever contender runs then); prints medians, sums and the median of the round-by-round ratios.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -Xmn48m -XX:+UseParallelGC -cp benchmarks.jar \
 *     io.github.pydanticdynamo.benchmarks.endtoend.ConcurrentPutBatchProbe 10000 15
 * }</pre>
 */
public final class ConcurrentPutBatchProbe {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final String[] NAMES = {
    "hand-written, sequential",
    "hand-written, 8 threads",
    "ours sync, concurrency 8",
    "ours sync, concurrency 1"
  };

  private ConcurrentPutBatchProbe() {}

  /**
   * Runs the probe.
   *
   * @param args items per putBatch (10000), measured rounds (15), warm-up rounds (4)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    LocalDynamoDb db = LocalDynamoDb.shared();
    DynamoDbClient client = db.client();
    List<MediumItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(Fixtures.medium(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    RawSdkContender sequential = RawSdkContender.sync(client, table(db));
    RawSdkContender threaded = RawSdkContender.sync(client, table(db));
    OursSyncContender ours8 =
        new OursSyncContender(client, table(db), BatchSettings.defaults().withConcurrency(8));
    OursSyncContender ours1 =
        new OursSyncContender(client, table(db), BatchSettings.defaults().withConcurrency(1));
    List<Runnable> contenders =
        List.of(
            () -> sequential.putBatch(items),
            () -> threaded.putBatch(items, pool, 8),
            () -> ours8.putBatch(items),
            () -> ours1.putBatch(items));
    double[][] cpu = new double[contenders.size()][rounds];
    for (int round = -warmup; round < rounds; round++) {
      for (int k = 0; k < contenders.size(); k++) {
        int index = Math.floorMod(k + round, contenders.size());
        System.gc(); // each putBatch starts on a clean heap
        long start = OS.getProcessCpuTime();
        long compiling = JIT.getTotalCompilationTime();
        contenders.get(index).run();
        double millis =
            (OS.getProcessCpuTime() - start) / 1e6 - (JIT.getTotalCompilationTime() - compiling);
        if (round >= 0) {
          cpu[index][round] = millis;
        }
      }
    }
    System.out.println(report(count, rounds, cpu));
    pool.shutdown();
    ours8.close();
    ours1.close();
    System.exit(0);
  }

  private static String table(LocalDynamoDb db) {
    return db.createTable(
            TableLayout.of(Contender.PK, Contender.SK)
                .withIndexes(List.of(Contender.INDEX))
                .createTableRequest("probe-" + UUID.randomUUID()))
        .name();
  }

  /** The table: medians, ranges, and the ratios of each contender to both hand-written ones. */
  static String report(int count, int rounds, double[][] cpu) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "putBatch of %,d medium items, client CPU minus JIT per call, %d rounds%n%n",
            count,
            rounds));
    out.append(
        "| contender | median ms (min–max) | ÷ hand-written sequential: medians / sums / paired |"
            + " ÷ hand-written 8 threads: medians / sums / paired |\n");
    out.append("|---|---:|---|---|\n");
    for (int i = 0; i < cpu.length; i++) {
      double[] sorted = cpu[i].clone();
      Arrays.sort(sorted);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f (%.0f–%.0f) | %s | %s |%n",
              NAMES[i],
              median(cpu[i]),
              sorted[0],
              sorted[sorted.length - 1],
              ratios(cpu[i], cpu[0]),
              ratios(cpu[i], cpu[1])));
    }
    return out.toString();
  }

  private static String ratios(double[] ours, double[] theirs) {
    double[] paired = new double[ours.length];
    for (int i = 0; i < ours.length; i++) {
      paired[i] = ours[i] / theirs[i];
    }
    return String.format(
        Locale.ROOT,
        "%.2f / %.2f / %.2f",
        median(ours) / median(theirs),
        Arrays.stream(ours).sum() / Arrays.stream(theirs).sum(),
        median(paired));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
