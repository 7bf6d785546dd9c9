package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Listing a partition far larger than the heap works, because pages are streamed. */
@DynamoDbTest
class StreamingMemoryIntegrationTests {
  static final int ITEMS = 20_000;

  @Test
  void streamsAPartitionLargerThanTheHeapOfAForkedJvm(TestTable table) throws Exception {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    String payload = "x".repeat(2_000);
    for (int start = 0; start < ITEMS; start += 2_000) {
      repo.putBatch(
          IntStream.range(start, start + 2_000)
              .mapToObj(
                  i ->
                      PartitionedContent.of(
                          List.of("big"),
                          List.of(String.format("%06d", i)),
                          new Blob("b" + i, payload)))
              .toList());
    }

    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                StreamingMemoryCheck.class.getName(),
                table.name())
            .redirectErrorStream(true);
    child
        .environment()
        .put(LocalDynamoDb.ENDPOINT_VARIABLE, LocalDynamoDb.shared().endpoint().toString());
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("STREAMED " + ITEMS);
  }

  /** The child JVM: lists the partition with a 64 MB heap (the data is about 40 MB of JSON). */
  public static final class StreamingMemoryCheck {
    private StreamingMemoryCheck() {}

    public static void main(String[] args) {
      LocalDynamoDb db = LocalDynamoDb.shared();
      DynamoRepository<Blob> repo =
          DynamoRepository.builder(Blob.class)
              .client(db.client())
              .tableName(args[0])
              .partitionPrefix("test")
              .build();
      long count =
          repo.listContents(List.of("big"), List.of())
              .filter(c -> c.item().payload().length() == 2_000)
              .count();
      long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      System.out.println("STREAMED " + count + " with max heap " + maxHeap + " MB");
      System.exit(0);
    }
  }
}
