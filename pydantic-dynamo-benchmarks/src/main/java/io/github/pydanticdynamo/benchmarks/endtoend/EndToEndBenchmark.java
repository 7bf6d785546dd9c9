package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The end-to-end harness: on the local engine, pydantic-dynamo (sync and async), the Enhanced
 * Client and hand-written SDK code run the same operations on about 1 KB items (batch and single
 * writes and reads, a query, a query of a global secondary index and a scan), alternating operation
 * by operation (the order rotates each round) in one run; then the batch operations again through a
 * proxy that delays every request. Prints Markdown tables of medians and ratios.
 *
 * <pre>{@code
 * java -cp pydantic-dynamo-benchmarks/target/benchmarks.jar \
 *     io.github.pydanticdynamo.benchmarks.endtoend.EndToEndBenchmark items=2000 rounds=3
 * }</pre>
 *
 * <p>Settings ({@link HarnessConfig}): {@code items} (10000), {@code singles} (2000), {@code
 * updates} (1000), {@code rounds} (5), {@code warmup} (1), {@code delayMs} (5,20; 0 skips the proxy
 * phases), {@code delayRounds} (3), {@code concurrency} (pydantic-dynamo's batch default), {@code
 * only} (contender keys, for profiling), as arguments or {@code -Dbench.NAME=VALUE}. {@code
 * PYDANTIC_DYNAMO_ENDPOINT} points it at another engine.
 */
public final class EndToEndBenchmark {
  /** Single operations alternate between contenders in slices of this many calls. */
  static final int SLICE = 100;

  /** The status the index query asks for. */
  static final MediumItem.Status INDEXED = MediumItem.Status.PUBLISHED;

  /** A table cell for a contender that did not run. */
  static final String NOT_RUN = "–";

  /** A ratio over a measurement of zero. */
  static final String NOT_MEASURABLE = "n/a";

  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final String[] CONTENDERS = {
    "ours sync", "ours async", "Enhanced", "raw SDK", "raw SDK async"
  };

  /** The operations, in the order each round runs them. */
  enum Operation {
    PUT_BATCH("putBatch", false),
    GET_BATCH("getBatch", false),
    LIST("list", false),
    PUT("put", true),
    GET("get", true),
    UPDATE("update", true),
    INDEX_QUERY("index query", false),
    SCAN("scan", false);

    final String label;
    final boolean sliced;

    Operation(String label, boolean sliced) {
      this.label = label;
      this.sliced = sliced;
    }

    int calls(HarnessConfig config) {
      return switch (this) {
        case PUT_BATCH, GET_BATCH, LIST, INDEX_QUERY, SCAN -> 1;
        case PUT, GET -> config.singles();
        case UPDATE -> config.updates();
      };
    }

    String describe(HarnessConfig config) {
      return switch (this) {
        case PUT_BATCH -> label + " " + config.items() + " items";
        case GET_BATCH -> label + " " + config.items() + " keys";
        case LIST -> label + " " + config.items() + "-item partition";
        case PUT, GET -> label + " ×" + config.singles();
        case UPDATE -> label + " ×" + config.updates();
        case INDEX_QUERY -> label + " (global index, one status)";
        case SCAN -> label + " " + (config.items() + config.singles()) + "-item table";
      };
    }
  }

  private final HarnessConfig config;
  private final PrintStream progress;
  private final List<MediumItem> batchItems;
  private final List<String> batchIds;
  private final List<MediumItem> singleItems;

  private EndToEndBenchmark(HarnessConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
    this.batchItems = new ArrayList<>(config.items());
    this.batchIds = new ArrayList<>(config.items());
    for (int i = 0; i < config.items(); i++) {
      MediumItem item = Fixtures.medium(i);
      batchItems.add(item);
      batchIds.add(item.id());
    }
    this.singleItems = new ArrayList<>(config.singles());
    for (int i = 0; i < config.singles(); i++) {
      singleItems.add(Fixtures.medium(config.items() + i));
    }
  }

  /**
   * Runs the harness on the local engine and prints the tables to standard output (progress goes to
   * standard error).
   *
   * @param args {@code name=value} settings
   */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    HarnessConfig config = HarnessConfig.from(args, System.getProperties());
    System.out.println(run(config, LocalDynamoDb.shared(), System.err));
  }

  /**
   * Runs the direct phase, then one proxy phase per configured delay.
   *
   * @param config sizes and rounds
   * @param db the engine
   * @param progress where progress lines go
   * @return the Markdown report
   */
  public static String run(HarnessConfig config, LocalDynamoDb db, PrintStream progress) {
    return new EndToEndBenchmark(config, progress).run(db);
  }

  private String run(LocalDynamoDb db) {
    String[] tables = new String[CONTENDERS.length];
    for (int i = 0; i < tables.length; i++) {
      tables[i] =
          db.createTable(
                  TableLayout.of(Contender.PK, Contender.SK)
                      .withIndexes(List.of(Contender.INDEX))
                      .createTableRequest("bench-" + UUID.randomUUID()))
              .name();
    }
    StringBuilder report = new StringBuilder();
    report.append(header());
    ClientOverrideConfiguration plain = ClientOverrideConfiguration.builder().build();
    try (DynamoDbClient sync = db.newClient(plain);
        DynamoDbAsyncClient async = db.newAsyncClient(plain)) {
      List<Contender> contenders = contenders(sync, async, tables);
      Map<Operation, Samples> direct =
          measure(contenders, List.of(Operation.values()), config.rounds(), "direct");
      closeAll(contenders);
      report.append("\n### Direct to the engine: wall-clock time\n\n");
      report.append(
          "Medians of "
              + config.rounds()
              + " rounds, milliseconds per whole operation (lower is better); ratio = ours ÷"
              + " theirs (below 1: ours is faster).\n\n");
      report.append(directTable(direct, Samples::wall));
      report.append("\n### Direct to the engine: client CPU time\n\n");
      report.append(
          "CPU milliseconds this JVM spent during the operation (library, SDK, HTTP client, GC;"
              + " not the engine), medians of "
              + config.rounds()
              + " rounds; ratio = ours ÷ theirs (n/a: the other side measured 0.0 ms, below the"
              + " clock's resolution).\n\n");
      report.append(directTable(direct, Samples::cpu));
    }
    for (Duration delay : config.delays()) {
      try (DelayProxy proxy = DelayProxy.start(db.endpoint(), delay);
          DynamoDbClient sync = client(db, proxy.endpoint());
          DynamoDbAsyncClient async = asyncClient(db, proxy.endpoint())) {
        List<Contender> contenders = contenders(sync, async, tables);
        Map<Operation, Samples> delayed =
            measure(
                contenders,
                List.of(Operation.PUT_BATCH, Operation.GET_BATCH),
                config.delayRounds(),
                "delay " + delay.toMillis() + " ms");
        closeAll(contenders);
        progress.println(
            "delay proxy ("
                + delay.toMillis()
                + " ms) forwarded "
                + proxy.requests()
                + " requests");
        report
            .append("\n### Through a proxy adding ")
            .append(delay.toMillis())
            .append(" ms to every request\n\n");
        report.append(
            "Medians of "
                + config.delayRounds()
                + " rounds, wall-clock milliseconds; speed-up = their time ÷ ours (higher is"
                + " better).\n\n");
        report.append(delayTable(delayed));
      }
    }
    for (String table : tables) {
      db.client().deleteTable(b -> b.tableName(table));
    }
    return report.toString();
  }

  private String header() {
    return String.format(
        Locale.ROOT,
        "## End-to-end: pydantic-dynamo vs Enhanced Client vs raw SDK%n%n"
            + "Engine: dynalite on 127.0.0.1. Items: about 1 KB (MediumItem). items=%d, singles=%d,"
            + " updates=%d, warm-up rounds=%d, pydantic-dynamo batch concurrency=%d%s."
            + " JDK %s, %d CPUs.%n",
        config.items(),
        config.singles(),
        config.updates(),
        config.warmupRounds(),
        config.concurrency(),
        config.only().isEmpty() ? "" : ", only " + config.only(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
  }

  private List<Contender> contenders(
      DynamoDbClient sync, DynamoDbAsyncClient async, String[] tables) {
    BatchSettings batch = BatchSettings.defaults().withConcurrency(config.concurrency());
    return List.of(
        new OursSyncContender(sync, tables[0], batch),
        new OursAsyncContender(async, tables[1], batch),
        new EnhancedContender(sync, tables[2]),
        RawSdkContender.sync(sync, tables[3]),
        RawSdkContender.async(async, tables[4]));
  }

  private static DynamoDbClient client(LocalDynamoDb db, URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(db.region())
        .credentialsProvider(db.credentials())
        .build();
  }

  private static DynamoDbAsyncClient asyncClient(LocalDynamoDb db, URI endpoint) {
    return DynamoDbAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(db.region())
        .credentialsProvider(db.credentials())
        .build();
  }

  private static void closeAll(List<Contender> contenders) {
    contenders.forEach(Contender::close);
  }

  /** Wall-clock and client CPU milliseconds, by contender and round (NaN: not run). */
  private record Samples(double[][] wall, double[][] cpu) {
    static Samples of(int contenders, int rounds) {
      double[][] wall = new double[contenders][rounds];
      double[][] cpu = new double[contenders][rounds];
      for (int i = 0; i < contenders; i++) {
        Arrays.fill(wall[i], Double.NaN);
        Arrays.fill(cpu[i], Double.NaN);
      }
      return new Samples(wall, cpu);
    }

    void add(int contender, int round, double wallMillis, double cpuMillis) {
      wall[contender][round] =
          (Double.isNaN(wall[contender][round]) ? 0 : wall[contender][round]) + wallMillis;
      cpu[contender][round] =
          (Double.isNaN(cpu[contender][round]) ? 0 : cpu[contender][round]) + cpuMillis;
    }
  }

  /**
   * Times every operation for every contender. Whole operations alternate contender by contender;
   * single operations alternate slice by slice ({@value #SLICE} calls), so a burst of load on the
   * machine falls on every contender alike. The first contender rotates each round and slice.
   */
  private Map<Operation, Samples> measure(
      List<Contender> contenders, List<Operation> operations, int rounds, String phase) {
    Map<Operation, Samples> samples = new LinkedHashMap<>();
    for (Operation operation : operations) {
      samples.put(operation, Samples.of(contenders.size(), rounds));
    }
    int total = config.warmupRounds() + rounds;
    for (int round = 0; round < total; round++) {
      boolean warmup = round < config.warmupRounds();
      for (Operation operation : operations) {
        Samples target = warmup ? Samples.of(contenders.size(), 1) : samples.get(operation);
        int column = warmup ? 0 : round - config.warmupRounds();
        int calls = operation.calls(config);
        int slices = operation.sliced ? (calls + SLICE - 1) / SLICE : 1;
        System.gc();
        for (int slice = 0; slice < slices; slice++) {
          for (int k = 0; k < contenders.size(); k++) {
            int index = (k + round + slice) % contenders.size();
            if (!config.runs(HarnessConfig.CONTENDER_KEYS.get(index))) {
              continue;
            }
            int from = operation.sliced ? slice * SLICE : 0;
            int to = operation.sliced ? Math.min(calls, from + SLICE) : calls;
            if (!operation.sliced) {
              System.gc(); // each whole operation starts on a clean heap
            }
            long cpu = processCpuNanos();
            long gc = gcMillis();
            long jit = jitMillis();
            long start = System.nanoTime();
            execute(operation, contenders.get(index), from, to);
            double wall = (System.nanoTime() - start) / 1e6;
            target.add(index, column, wall, (processCpuNanos() - cpu) / 1e6);
            if (!operation.sliced) { // what else the JVM did in the window, to read outliers
              progress.println(
                  line(phase, warmup, round, total, operation, index)
                      + String.format(
                          Locale.ROOT,
                          "window: GC pauses %d ms, JIT %d ms",
                          gcMillis() - gc,
                          jitMillis() - jit));
            }
          }
        }
        for (int index = 0; index < contenders.size(); index++) {
          if (config.runs(HarnessConfig.CONTENDER_KEYS.get(index))) {
            progress.println(
                line(phase, warmup, round, total, operation, index)
                    + String.format(
                        Locale.ROOT,
                        "%9.1f ms wall %9.1f ms client CPU",
                        target.wall()[index][column],
                        target.cpu()[index][column]));
          }
        }
      }
    }
    return samples;
  }

  /** The head of a progress line: phase, round, operation and contender. */
  private static String line(
      String phase, boolean warmup, int round, int total, Operation operation, int index) {
    return String.format(
        Locale.ROOT,
        "%s %s round %d/%d %-8s %-13s ",
        phase,
        warmup ? "warm-up" : "measured",
        round + 1,
        total,
        operation.label,
        CONTENDERS[index]);
  }

  /** CPU time of this whole JVM: the client side (library, SDK, HTTP, GC), not the engine. */
  private static long processCpuNanos() {
    return CPU.getProcessCpuTime();
  }

  /** Milliseconds of collection pauses so far, every collector. */
  private static long gcMillis() {
    long millis = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  /** Milliseconds the JIT compilers have spent so far. */
  private static long jitMillis() {
    var compilation = ManagementFactory.getCompilationMXBean();
    return compilation != null && compilation.isCompilationTimeMonitoringSupported()
        ? compilation.getTotalCompilationTime()
        : 0;
  }

  private void execute(Operation operation, Contender contender, int from, int to) {
    switch (operation) {
      case PUT_BATCH -> contender.putBatch(batchItems);
      case GET_BATCH -> check(contender, operation, contender.getBatch(batchIds), config.items());
      case LIST -> check(contender, operation, contender.list(), config.items());
      case PUT -> {
        for (int i = from; i < to; i++) {
          contender.put(singleItems.get(i));
        }
      }
      case GET -> {
        for (int i = from; i < to; i++) {
          String expected = singleItems.get(i).id();
          String id = contender.get(expected);
          if (!id.equals(expected)) {
            throw new IllegalStateException(
                contender.table() + ": get " + expected + " gave " + id);
          }
        }
      }
      case UPDATE -> {
        for (int i = from; i < to; i++) {
          int rating = 1 + (i + singleItems.get(i).rating()) % 5;
          check(contender, operation, contender.update(singleItems.get(i).id(), rating), rating);
        }
      }
      // both run after every single item was put (earlier in the same round)
      case INDEX_QUERY ->
          check(contender, operation, contender.indexQuery(INDEXED), indexedCount());
      case SCAN -> check(contender, operation, contender.scan(), config.items() + config.singles());
    }
  }

  /** How many of the stored items have the status the index query asks for. */
  private int indexedCount() {
    int count = 0;
    for (MediumItem item : batchItems) {
      count += item.status() == INDEXED ? 1 : 0;
    }
    for (MediumItem item : singleItems) {
      count += item.status() == INDEXED ? 1 : 0;
    }
    return count;
  }

  private static void check(Contender contender, Operation operation, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          contender.table()
              + ": "
              + operation.label
              + " gave "
              + actual
              + ", expected "
              + expected);
    }
  }

  private String directTable(
      Map<Operation, Samples> samples, Function<Samples, double[][]> metric) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| operation | ours sync | ours async | Enhanced | raw SDK | raw SDK async | sync ÷ raw"
            + " | async ÷ raw async | sync ÷ Enhanced | async ÷ Enhanced |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Operation, Samples> entry : samples.entrySet()) {
      double[] median = medians(metric.apply(entry.getValue()));
      table.append("| ").append(entry.getKey().describe(config));
      for (double value : median) {
        table.append(" | ").append(millis(value));
      }
      table.append(" | ").append(ratio(median[0], median[3]));
      table.append(" | ").append(ratio(median[1], median[4]));
      table.append(" | ").append(ratio(median[0], median[2]));
      table.append(" | ").append(ratio(median[1], median[2]));
      table.append(" |\n");
    }
    return table.toString();
  }

  private String delayTable(Map<Operation, Samples> samples) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| operation | ours sync | ours async | Enhanced | raw SDK | raw SDK async"
            + " | speed-up sync vs Enhanced | speed-up async vs Enhanced | speed-up sync vs raw"
            + " | speed-up async vs raw async |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Operation, Samples> entry : samples.entrySet()) {
      double[] median = medians(entry.getValue().wall());
      table.append("| ").append(entry.getKey().describe(config));
      for (double value : median) {
        table.append(" | ").append(millis(value));
      }
      table.append(" | ").append(speedUp(median[2], median[0]));
      table.append(" | ").append(speedUp(median[2], median[1]));
      table.append(" | ").append(speedUp(median[3], median[0]));
      table.append(" | ").append(speedUp(median[4], median[1]));
      table.append(" |\n");
    }
    return table.toString();
  }

  private static double[] medians(double[][] byContender) {
    double[] medians = new double[byContender.length];
    for (int i = 0; i < byContender.length; i++) {
      double[] sorted = byContender[i].clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      medians[i] = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    return medians;
  }

  private static String millis(double value) {
    if (Double.isNaN(value)) {
      return NOT_RUN;
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }

  static String speedUp(double theirs, double ours) {
    String ratio = ratio(theirs, ours);
    return ratio.equals(NOT_RUN) || ratio.equals(NOT_MEASURABLE) ? ratio : ratio + "×";
  }

  /**
   * The ratio as a table cell: {@value #NOT_RUN} when a contender did not run, {@value
   * #NOT_MEASURABLE} when the denominator measured zero (a tiny run can take less CPU time than the
   * clock's resolution), so a cell never reads Infinity or NaN.
   */
  static String ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
      return NOT_RUN;
    }
    if (denominator <= 0 || Double.isInfinite(numerator) || Double.isInfinite(denominator)) {
      return NOT_MEASURABLE;
    }
    return String.format(Locale.ROOT, "%.2f", numerator / denominator);
  }
}
