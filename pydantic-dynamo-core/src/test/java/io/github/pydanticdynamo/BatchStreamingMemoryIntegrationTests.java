package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * putBatch of a lazy source and getBatch of many keys run in a heap far smaller than the batch:
 * each case runs in a child JVM whose heap would not hold what the batch holds if it were kept (48
 * MB of items to write at {@code -Xmx32m}; 100,000 keys to read at {@code -Xmx64m}: the keys take
 * about 21 MB, their requests about 55 MB more if built up front, while the streaming read keeps
 * about 30 MB live; at 48 MB it passes too, but G1 then collects so often that a busy machine can
 * tip it over).
 */
@DynamoDbTest
class BatchStreamingMemoryIntegrationTests {
  static final int ITEMS = 12_000;
  static final int PAYLOAD = 4_000;
  static final int KEYS = 100_000;

  @Test
  void putBatchOfALazySourceAndGetBatchOfManyKeysRunInASmallHeap(TestTable table) throws Exception {
    assertThat(child("-Xmx32m", "put-sync", table)).contains("WROTE " + ITEMS);
    assertThat(child("-Xmx32m", "put-async", table)).contains("WROTE " + ITEMS);
    assertThat(table.count()).isEqualTo(2 * ITEMS);
    assertThat(child("-Xmx64m", "get-sync", table)).contains("READ " + ITEMS);
    assertThat(child("-Xmx64m", "get-async", table)).contains("READ " + ITEMS);
  }

  private static String child(String heap, String mode, TestTable table) throws Exception {
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                BatchMemoryCheck.class.getName(),
                table.name(),
                mode)
            .redirectErrorStream(true);
    child
        .environment()
        .put(LocalDynamoDb.ENDPOINT_VARIABLE, LocalDynamoDb.shared().endpoint().toString());
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(mode + ": " + output).isZero();
    return output;
  }

  /** The child JVM: one batch in a small heap. */
  public static final class BatchMemoryCheck {
    private BatchMemoryCheck() {}

    /** Items made on the fly, never held by the source: nothing but the batch can keep them. */
    static Iterable<PartitionedContent<Blob>> lazy(String partition) {
      String payload = "x".repeat(PAYLOAD - 10);
      return () ->
          new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < ITEMS;
            }

            @Override
            public PartitionedContent<Blob> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              int i = next++;
              // a fresh payload per item, as a file or another table would give
              return PartitionedContent.of(
                  List.of(partition),
                  List.of(String.format("%06d", i)),
                  new Blob("b" + i, payload + String.format("%010d", i)));
            }
          };
    }

    public static void main(String[] args) {
      LocalDynamoDb db = LocalDynamoDb.shared();
      String table = args[0];
      String mode = args[1];
      long result =
          switch (mode) {
            case "put-sync" -> {
              repository(db, table).putBatch(lazy("s"));
              yield ITEMS;
            }
            case "put-async" -> {
              asyncRepository(db, table).putBatch(lazy("a")).join();
              yield ITEMS;
            }
            case "get-sync" ->
                repository(db, table)
                    .getBatch(keys())
                    .mapToLong(page -> page.contents().size())
                    .sum();
            case "get-async" -> count(asyncRepository(db, table).getBatch(keys())).join();
            default -> throw new IllegalArgumentException(mode);
          };
      System.out.println(
          (mode.startsWith("put") ? "WROTE " : "READ ")
              + result
              + " with max heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB");
      System.exit(0);
    }

    /** Every stored key of partition "s", then keys without items, 100,000 in all. */
    private static List<ContentKey> keys() {
      List<ContentKey> keys = new ArrayList<>(KEYS);
      for (int i = 0; i < KEYS; i++) {
        keys.add(ContentKey.of(List.of("s"), List.of(String.format("%06d", i))));
      }
      return keys;
    }

    private static DynamoRepository<Blob> repository(LocalDynamoDb db, String table) {
      return DynamoRepository.builder(Blob.class)
          .client(db.client())
          .tableName(table)
          .partitionPrefix("test")
          .build();
    }

    private static AsyncDynamoRepository<Blob> asyncRepository(LocalDynamoDb db, String table) {
      return AsyncDynamoRepository.builder(Blob.class)
          .client(db.asyncClient())
          .tableName(table)
          .partitionPrefix("test")
          .build();
    }

    /** Counts the contents of every page, asking for one page at a time. */
    private static CompletableFuture<Long> count(
        org.reactivestreams.Publisher<BatchResponse<Blob>> pages) {
      CompletableFuture<Long> total = new CompletableFuture<>();
      AtomicLong count = new AtomicLong();
      pages.subscribe(
          new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
              subscription = s;
              s.request(1);
            }

            @Override
            public void onNext(BatchResponse<Blob> page) {
              count.addAndGet(page.contents().size());
              subscription.request(1);
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
