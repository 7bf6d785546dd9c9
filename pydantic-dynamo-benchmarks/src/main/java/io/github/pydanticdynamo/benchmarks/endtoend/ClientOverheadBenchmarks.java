package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/**
 * What each contender's putBatch costs on the client before the SDK serialises a request: the
 * contenders of the end-to-end harness on a client that answers every BatchWriteItem at once
 * without sending it. 1000 or 10000 medium items per operation; batch concurrency 1 so no thread
 * handoff is measured. GC time counts: a putBatch that maps every item before its first write keeps
 * them all alive. Run: {@code java -jar benchmarks.jar ClientOverheadBenchmarks -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientOverheadBenchmarks {
  /** A client that answers every BatchWriteItem at once, with nothing unprocessed. */
  static final DynamoDbClient ANSWERING =
      new DynamoDbClient() {
        private final BatchWriteItemResponse done = BatchWriteItemResponse.builder().build();

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
          return done;
        }

        @Override
        public String serviceName() {
          return "dynamodb";
        }

        @Override
        public void close() {}
      };

  /** Items per putBatch. */
  @Param({"1000", "10000"})
  public int count = 1000;

  private final List<MediumItem> items = new ArrayList<>();
  private final Contender ours =
      new OursSyncContender(ANSWERING, "table", BatchSettings.defaults().withConcurrency(1));
  private final Contender enhanced = new EnhancedContender(ANSWERING, "table");
  private final Contender raw = RawSdkContender.sync(ANSWERING, "table");

  /** Makes the items. */
  @Setup
  public void setUp() {
    items.clear();
    for (int i = 0; i < count; i++) {
      items.add(Fixtures.medium(i));
    }
  }

  /** pydantic-dynamo's putBatch. */
  @Benchmark
  public void putBatchOurs() {
    ours.putBatch(items);
  }

  /** The Enhanced Client's batchWriteItem, 25 items per call. */
  @Benchmark
  public void putBatchEnhanced() {
    enhanced.putBatch(items);
  }

  /** Hand-written BatchWriteItem requests. */
  @Benchmark
  public void putBatchRaw() {
    raw.putBatch(items);
  }

  /** Closes the repository. */
  @TearDown
  public void tearDown() {
    ours.close();
  }
}
