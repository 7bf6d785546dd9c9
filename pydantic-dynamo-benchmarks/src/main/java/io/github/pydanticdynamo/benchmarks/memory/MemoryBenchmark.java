package io.github.pydanticdynamo.benchmarks.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Batches of any size in a small heap: nine cases, each in its own JVM at {@code heap} (default
 * {@code -Xmx64m}) on the local engine, with {@code items} medium items (about 1.1 KB stored) in
 * one partition: putBatch of a lazy source (items made on the fly, sync and async), getBatch of
 * every key (sync and async), list of the partition (sync {@code Stream}, async {@code Publisher}
 * requested one page at a time), async putBatch from a {@code Publisher} that makes its items on
 * the fly inside {@code request()} (synchronously, as a file reader would), and delete by prefix of
 * the whole partition (sync and async); the reads read what the sync putBatch wrote, the sync
 * delete deletes it and the async delete deletes what the async putBatch wrote. Each case checks
 * its count and reports the most live data it held (the heap in use after a full collection forced
 * every half second), the peak of the heap in use after any collection (which, under G1, also
 * counts garbage in old regions not yet collected), the number of collections and the time. Prints
 * a Markdown table.
 *
 * <pre>{@code
 * java -cp pydantic-dynamo-benchmarks/target/benchmarks.jar \
 *     io.github.pydanticdynamo.benchmarks.memory.MemoryBenchmark items=100000 heap=64m
 * }</pre>
 *
 * <p>Settings, as arguments {@code name=value}: {@code items} (100000), {@code putItems} (as {@code
 * items}: putBatch alone can be run larger), {@code heap} (64m), {@code cases} (all nine: put-sync,
 * put-async, get-sync, get-async, list-sync, list-async, put-publisher, delete-sync, delete-async;
 * a delete case counts what its put case wrote, so it runs after it). {@code
 * PYDANTIC_DYNAMO_ENDPOINT} points it at another engine.
 */
public final class MemoryBenchmark {
  /**
   * Every case, in the order they run (the puts write what the reads read and the deletes delete).
   */
  public static final List<String> CASES =
      List.of(
          "put-sync",
          "put-async",
          "get-sync",
          "get-async",
          "list-sync",
          "list-async",
          "put-publisher",
          "delete-sync",
          "delete-async");

  static final String PK = "PK";
  static final String SK = "SK";
  static final String PARTITION = "batch";
  private static final String RESULT = "RESULT ";

  private MemoryBenchmark() {}

  /** One case's figures. */
  public record Result(
      String name,
      long count,
      double liveMb,
      double peakAfterGcMb,
      long collections,
      double seconds) {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code name=value} settings
   * @throws Exception when a case fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> settings = settings(args);
    int items = Integer.parseInt(settings.getOrDefault("items", "100000"));
    int putItems = Integer.parseInt(settings.getOrDefault("putItems", Integer.toString(items)));
    String heap = settings.getOrDefault("heap", "64m");
    List<String> cases =
        settings.containsKey("cases") ? List.of(settings.get("cases").split(",")) : CASES;
    List<Result> results = run(LocalDynamoDb.shared(), items, putItems, heap, cases, System.err);
    System.out.println(table(results, items, putItems, heap));
    System.exit(0);
  }

  /**
   * Runs {@code cases}, each in a child JVM, against a new table of {@code db}.
   *
   * @param db the engine
   * @param items keys asked by the get cases
   * @param putItems items written by each put case (and listed by the list cases)
   * @param heap the child JVMs' maximum heap ({@code -Xmx})
   * @param cases which cases
   * @param progress where progress lines go
   * @return the figures, in case order
   * @throws Exception when a child fails or its count is wrong
   */
  public static List<Result> run(
      LocalDynamoDb db,
      int items,
      int putItems,
      String heap,
      List<String> cases,
      PrintStream progress)
      throws Exception {
    String table =
        db.createTable(TableLayout.of(PK, SK).createTableRequest("memory-" + UUID.randomUUID()))
            .name();
    List<Result> results = new ArrayList<>();
    for (String name : cases) {
      // the read cases read the partition put-sync wrote: getBatch asks for the first `items` keys
      int count = name.startsWith("get") ? Math.min(items, putItems) : putItems;
      int asked = name.startsWith("get") ? items : count;
      ProcessBuilder child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx" + heap,
                  "-XX:+ExitOnOutOfMemoryError",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Case.class.getName(),
                  table,
                  name,
                  Integer.toString(asked))
              .redirectErrorStream(true);
      child.environment().put(LocalDynamoDb.ENDPOINT_VARIABLE, db.endpoint().toString());
      Process process = child.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            name + " failed at -Xmx" + heap + " (exit " + process.exitValue() + "): " + output);
      }
      Result result = parse(output);
      if (result.count() != count) {
        throw new IllegalStateException(
            name + " counted " + result.count() + " items, expected " + count + ": " + output);
      }
      progress.printf(
          Locale.ROOT,
          "%-10s %,d items, live at most %.1f MB, heap after GC at most %.1f MB, %d GCs, %.1f s%n",
          name,
          result.count(),
          result.liveMb(),
          result.peakAfterGcMb(),
          result.collections(),
          result.seconds());
      results.add(result);
    }
    return results;
  }

  private static Result parse(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith(RESULT)) {
        String[] parts = line.substring(RESULT.length()).trim().split(" ");
        return new Result(
            parts[0],
            Long.parseLong(parts[1]),
            Double.parseDouble(parts[2]),
            Double.parseDouble(parts[3]),
            Long.parseLong(parts[4]),
            Double.parseDouble(parts[5]));
      }
    }
    throw new IllegalStateException("no result line in: " + output);
  }

  /**
   * The Markdown table of the results.
   *
   * @param results the figures
   * @param items items of the read cases
   * @param putItems items of the put cases
   * @param heap the heap
   * @return the table
   */
  public static String table(List<Result> results, int items, int putItems, String heap) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "Each case in its own JVM at -Xmx%s; %,d medium items (%,d for putBatch) in one"
                + " partition.%n%n",
            heap,
            items,
            putItems));
    table.append(
        "| case | items | live at most (full GC every 0.5 s) | heap in use after any GC, at most"
            + " | GCs | seconds |\n");
    table.append("|---|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f MB | %.1f MB | %d | %.1f |%n",
              describe(result.name()),
              result.count(),
              result.liveMb(),
              result.peakAfterGcMb(),
              result.collections(),
              result.seconds()));
    }
    return table.toString();
  }

  private static String describe(String name) {
    return switch (name) {
      case "put-sync" -> "putBatch, lazy Iterable, sync";
      case "put-async" -> "putBatch, lazy Iterable, async";
      case "get-sync" -> "getBatch of every key, sync Stream";
      case "get-async" -> "getBatch of every key, async Publisher (one page at a time)";
      case "list-sync" -> "list of the partition, sync Stream";
      case "list-async" -> "list of the partition, async Publisher (one page at a time)";
      case "put-publisher" -> "putBatch from a Publisher (synchronous, lazy), async";
      case "delete-sync" -> "delete by prefix of the whole partition, sync";
      case "delete-async" -> "delete by prefix of the whole partition, async";
      default -> name;
    };
  }

  private static Map<String, String> settings(String[] args) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected name=value, got " + arg);
      }
      settings.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return settings;
  }

  /** One case, in its own JVM: {@code table name items}. */
  public static final class Case {
    private static final AtomicLong PEAK_LIVE = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    private Case() {}

    /**
     * Runs one case and prints its result line.
     *
     * @param args table, case name, items
     */
    public static void main(String[] args) {
      watchCollections();
      sampleLiveData();
      String table = args[0];
      String name = args[1];
      int items = Integer.parseInt(args[2]);
      LocalDynamoDb db = LocalDynamoDb.shared();
      long start = System.nanoTime();
      long count =
          switch (name) {
            case "put-sync" -> {
              sync(db, table).putBatch(lazy(PARTITION, items));
              yield items;
            }
            case "put-async" -> {
              async(db, table).putBatch(lazy("async", items)).join();
              yield items;
            }
            case "put-publisher" -> {
              LazyPublisher source = new LazyPublisher("publisher", items);
              async(db, table).putBatch(source).join();
              yield source.emitted;
            }
            case "get-sync" ->
                sync(db, table).getBatch(keys(items)).mapToLong(p -> p.contents().size()).sum();
            case "get-async" -> count(async(db, table).getBatch(keys(items))).join();
            case "list-sync" ->
                sync(db, table)
                    .list(List.of(PARTITION), List.of())
                    .mapToLong(p -> p.contents().size())
                    .sum();
            case "list-async" -> count(async(db, table).list(List.of(PARTITION), List.of())).join();
            case "delete-sync" -> sync(db, table).delete(List.of(PARTITION), List.of());
            case "delete-async" -> async(db, table).delete(List.of("async"), List.of()).join();
            default -> throw new IllegalArgumentException("unknown case " + name);
          };
      double seconds = (System.nanoTime() - start) / 1e9;
      long collections = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        collections += Math.max(0, gc.getCollectionCount());
      }
      System.out.printf(
          Locale.ROOT,
          "%s%s %d %.1f %.1f %d %.1f%n",
          RESULT,
          name,
          count,
          PEAK_LIVE.get() / (1024.0 * 1024.0),
          PEAK_AFTER_GC.get() / (1024.0 * 1024.0),
          collections,
          seconds);
      System.exit(0);
    }

    /**
     * Keeps the most live data: every half second a full collection, then the heap in use. (The
     * heap in use after any collection overstates it under G1, whose young collections leave
     * garbage in old regions until a mixed or full one.)
     */
    private static void sampleLiveData() {
      Thread sampler =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                  System.gc();
                  PEAK_LIVE.accumulateAndGet(
                      ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                      Math::max);
                }
              },
              "live-data-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Keeps the largest heap in use (heap pools only) after any collection. */
    private static void watchCollections() {
      Set<String> heapPools = new HashSet<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> pool :
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                      used += pool.getValue().getUsed();
                    }
                  }
                  long after = used;
                  PEAK_AFTER_GC.accumulateAndGet(after, Math::max);
                },
                null,
                null);
      }
    }

    /** Items made on the fly, never held by the source. */
    private static Iterable<PartitionedContent<MediumItem>> lazy(String partition, int items) {
      return () ->
          new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < items;
            }

            @Override
            public PartitionedContent<MediumItem> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              MediumItem item = Fixtures.medium(next++);
              return PartitionedContent.of(List.of(partition), List.of(item.id()), item);
            }
          };
    }

    /**
     * Items made on the fly inside {@code request()}, on the requesting thread (no trampoline: a
     * request from {@code onNext} emits nested), never held by the source.
     */
    private static final class LazyPublisher implements Publisher<PartitionedContent<MediumItem>> {
      private final String partition;
      private final int items;
      private int emitted;

      LazyPublisher(String partition, int items) {
        this.partition = partition;
        this.items = items;
      }

      @Override
      public void subscribe(Subscriber<? super PartitionedContent<MediumItem>> subscriber) {
        subscriber.onSubscribe(
            new Subscription() {
              private long demand;
              private boolean done;

              @Override
              public void request(long n) {
                demand += n;
                while (demand > 0 && !done) {
                  demand--;
                  MediumItem item = Fixtures.medium(emitted++);
                  subscriber.onNext(
                      PartitionedContent.of(List.of(partition), List.of(item.id()), item));
                  if (emitted == items) {
                    done = true;
                    subscriber.onComplete();
                  }
                }
              }

              @Override
              public void cancel() {
                done = true;
              }
            });
      }
    }

    private static List<ContentKey> keys(int items) {
      List<ContentKey> keys = new ArrayList<>(items);
      for (int i = 0; i < items; i++) {
        keys.add(ContentKey.of(List.of(PARTITION), List.of("medium-" + i)));
      }
      return keys;
    }

    private static DynamoRepository<MediumItem> sync(LocalDynamoDb db, String table) {
      return DynamoRepository.builder(MediumItem.class)
          .client(db.client())
          .tableName(table)
          .partitionKey(PK)
          .sortKey(SK)
          .partitionPrefix("bench")
          .build();
    }

    private static AsyncDynamoRepository<MediumItem> async(LocalDynamoDb db, String table) {
      return AsyncDynamoRepository.builder(MediumItem.class)
          .client(db.asyncClient())
          .tableName(table)
          .partitionKey(PK)
          .sortKey(SK)
          .partitionPrefix("bench")
          .build();
    }

    /** Counts the contents of every page, asking for one page at a time. */
    private static CompletableFuture<Long> count(Publisher<BatchResponse<MediumItem>> pages) {
      CompletableFuture<Long> total = new CompletableFuture<>();
      AtomicLong count = new AtomicLong();
      pages.subscribe(
          new Subscriber<>() {
            private @Nullable Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
              subscription = s;
              s.request(1);
            }

            @Override
            public void onNext(BatchResponse<MediumItem> page) {
              count.addAndGet(page.contents().size());
              if (subscription != null) {
                subscription.request(1);
              }
            }

            @Override
            public void onError(Throwable error) {
              total.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
              total.complete(count.get());
            }
          });
      return total;
    }
  }
}
