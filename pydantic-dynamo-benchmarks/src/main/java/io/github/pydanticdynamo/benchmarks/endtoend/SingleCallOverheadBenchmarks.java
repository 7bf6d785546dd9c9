package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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

  /**
   * A client that stores put items by partition, sorted by sort key, and answers GetItem,
   * UpdateItem, BatchGetItem and Query with them.
   */
  static final class InMemoryClient implements DynamoDbClient {
    private final Map<AttributeValue, NavigableMap<String, Map<String, AttributeValue>>>
        partitions = new ConcurrentHashMap<>();

    private void store(Map<String, AttributeValue> item) {
      partitions
          .computeIfAbsent(item.get(Contender.PK), pk -> new ConcurrentSkipListMap<>())
          .put(item.get(Contender.SK).s(), item);
    }

    private @Nullable Map<String, AttributeValue> find(Map<String, AttributeValue> key) {
      NavigableMap<String, Map<String, AttributeValue>> partition =
          partitions.get(key.get(Contender.PK));
      return partition == null ? null : partition.get(key.get(Contender.SK).s());
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      store(request.item());
      return PutItemResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      return GetItemResponse.builder().item(find(request.key())).build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
      return UpdateItemResponse.builder().attributes(find(request.key())).build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
      for (List<WriteRequest> writes : request.requestItems().values()) {
        for (WriteRequest write : writes) {
          store(write.putRequest().item());
        }
      }
      return BatchWriteItemResponse.builder().build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
      Map<String, List<Map<String, AttributeValue>>> responses = new HashMap<>();
      request
          .requestItems()
          .forEach(
              (table, keys) -> {
                List<Map<String, AttributeValue>> found = new ArrayList<>();
                for (Map<String, AttributeValue> key : keys.keys()) {
                  Map<String, AttributeValue> item = find(key);
                  if (item != null) {
                    found.add(item);
                  }
                }
                responses.put(table, found);
              });
      return BatchGetItemResponse.builder().responses(responses).build();
    }

    /** Every item of the query's partition in one page, as a 1 MB page of medium items is. */
    @Override
    public QueryResponse query(QueryRequest request) {
      NavigableMap<String, Map<String, AttributeValue>> partition =
          request.expressionAttributeValues().values().stream()
              .map(partitions::get)
              .filter(Objects::nonNull)
              .findFirst()
              .orElseThrow();
      List<Map<String, AttributeValue>> page = new ArrayList<>(partition.values());
      return QueryResponse.builder().items(page).count(page.size()).build();
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

  private final List<String> ids = new ArrayList<>();

  /** Stores the item once per contender, so get and update find it, and a batch of 1000 more. */
  @Setup
  public void setUp() {
    List<MediumItem> batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(Fixtures.medium(i));
      ids.add(batch.get(i).id());
    }
    for (Contender contender : List.of(ours, enhanced, raw)) {
      contender.put(item);
      contender.putBatch(batch);
    }
  }

  private static int check(int read) {
    if (read != BATCH) {
      throw new IllegalStateException("read " + read + " items, not " + BATCH);
    }
    return read;
  }

  /** Items read by the getBatch and list benchmarks. */
  static final int BATCH = 1000;

  /**
   * pydantic-dynamo's getBatch of 1000 keys (10 requests).
   *
   * @return the items read
   */
  @Benchmark
  public int getBatchOurs() {
    return check(ours.getBatch(ids));
  }

  /**
   * The Enhanced Client's batchGetItem of 1000 keys.
   *
   * @return the items read
   */
  @Benchmark
  public int getBatchEnhanced() {
    return check(enhanced.getBatch(ids));
  }

  /**
   * Hand-written BatchGetItem requests for 1000 keys.
   *
   * @return the items read
   */
  @Benchmark
  public int getBatchRaw() {
    return check(raw.getBatch(ids));
  }

  /**
   * pydantic-dynamo's list of a 1000-item partition (one page).
   *
   * @return the items read
   */
  @Benchmark
  public int listOurs() {
    return check(ours.list());
  }

  /**
   * The Enhanced Client's query of the partition.
   *
   * @return the items read
   */
  @Benchmark
  public int listEnhanced() {
    return check(enhanced.list());
  }

  /**
   * A hand-written Query of the partition.
   *
   * @return the items read
   */
  @Benchmark
  public int listRaw() {
    return check(raw.list());
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
