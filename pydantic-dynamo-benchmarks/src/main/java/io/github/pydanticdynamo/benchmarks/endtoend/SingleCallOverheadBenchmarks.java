package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What each contender's single calls (put, get, update of one medium item) cost on the client,
 * without the SDK's serialisation and HTTP: the contenders of the end-to-end harness on a client
 * that keeps items in memory and answers at once. GetItem and UpdateItem return the stored item
 * (UpdateItem does not apply the change: only the request building and the reading of the answer
 * are measured). Run: {@code java -jar benchmarks.jar SingleCallOverheadBenchmarks -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SingleCallOverheadBenchmarks {

  /** A client that stores put items by key and answers GetItem and UpdateItem with them. */
  static final class InMemoryClient implements DynamoDbClient {
    private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items =
        new ConcurrentHashMap<>();

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
      return Map.of(
          Contender.PK, item.get(Contender.PK),
          Contender.SK, item.get(Contender.SK));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      items.put(key(request.item()), request.item());
      return PutItemResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      return GetItemResponse.builder().item(items.get(request.key())).build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
      return UpdateItemResponse.builder().attributes(items.get(request.key())).build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private final MediumItem item = Fixtures.medium(1);
  private final Contender ours =
      new OursSyncContender(new InMemoryClient(), "table", BatchSettings.defaults());
  private final Contender enhanced = new EnhancedContender(new InMemoryClient(), "table");
  private final Contender raw = RawSdkContender.sync(new InMemoryClient(), "table");

  /** Stores the item once per contender, so get and update find it. */
  @Setup
  public void setUp() {
    for (Contender contender : List.of(ours, enhanced, raw)) {
      contender.put(item);
    }
  }

  /** pydantic-dynamo's put. */
  @Benchmark
  public void putOurs() {
    ours.put(item);
  }

  /** The Enhanced Client's putItem. */
  @Benchmark
  public void putEnhanced() {
    enhanced.put(item);
  }

  /** A hand-written PutItem. */
  @Benchmark
  public void putRaw() {
    raw.put(item);
  }

  /**
   * pydantic-dynamo's get.
   *
   * @return the id read
   */
  @Benchmark
  public String getOurs() {
    return ours.get(item.id());
  }

  /**
   * The Enhanced Client's getItem.
   *
   * @return the id read
   */
  @Benchmark
  public String getEnhanced() {
    return enhanced.get(item.id());
  }

  /**
   * A hand-written GetItem.
   *
   * @return the id read
   */
  @Benchmark
  public String getRaw() {
    return raw.get(item.id());
  }

  /**
   * pydantic-dynamo's update of one field.
   *
   * @return the rating read back
   */
  @Benchmark
  public int updateOurs() {
    return ours.update(item.id(), 4);
  }

  /**
   * The Enhanced Client's updateItem with a partial bean.
   *
   * @return the rating read back
   */
  @Benchmark
  public int updateEnhanced() {
    return enhanced.update(item.id(), 4);
  }

  /**
   * A hand-written UpdateItem.
   *
   * @return the rating read back
   */
  @Benchmark
  public int updateRaw() {
    return raw.update(item.id(), 4);
  }

  /** Closes the repository. */
  @TearDown
  public void tearDown() {
    ours.close();
  }
}
