package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.benchmarks.model.HandWrittenMapping;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Hand-written low-level SDK code doing what pydantic-dynamo does: the same items, keys, version
 * and timestamp; batches of 25 writes and 100 reads one after another, retrying unprocessed work; a
 * paginated query; an update that sets the field, the timestamp and the version under an existence
 * condition and returns the new item. Items are mapped by {@link HandWrittenMapping}. On the
 * asynchronous client each call is awaited in turn: the baseline for pydantic-dynamo's async
 * repository (same Netty client, same awaiting).
 */
final class RawSdkContender implements Contender {
  private static final AttributeValue ONE = AttributeValue.fromN("1");
  private static final String UPDATE =
      "SET #rating = :rating, #ts = :ts, #v = if_not_exists(#v, :one) + :one";
  private static final Map<String, String> UPDATE_NAMES =
      Map.of("#rating", "rating", "#ts", "_timestamp", "#v", "_object_version", "#pk", PK);

  private final Calls client;
  private final String table;

  private RawSdkContender(Calls client, String table) {
    this.client = client;
    this.table = table;
  }

  static RawSdkContender sync(DynamoDbClient client, String table) {
    return new RawSdkContender(
        new Calls() {
          @Override
          public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            return client.batchWriteItem(request);
          }

          @Override
          public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return client.batchGetItem(request);
          }

          @Override
          public QueryResponse query(QueryRequest request) {
            return client.query(request);
          }

          @Override
          public PutItemResponse putItem(PutItemRequest request) {
            return client.putItem(request);
          }

          @Override
          public GetItemResponse getItem(GetItemRequest request) {
            return client.getItem(request);
          }

          @Override
          public UpdateItemResponse updateItem(UpdateItemRequest request) {
            return client.updateItem(request);
          }

          @Override
          public ScanResponse scan(ScanRequest request) {
            return client.scan(request);
          }
        },
        table);
  }

  static RawSdkContender async(DynamoDbAsyncClient client, String table) {
    return new RawSdkContender(
        new Calls() {
          @Override
          public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            return client.batchWriteItem(request).join();
          }

          @Override
          public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return client.batchGetItem(request).join();
          }

          @Override
          public QueryResponse query(QueryRequest request) {
            return client.query(request).join();
          }

          @Override
          public PutItemResponse putItem(PutItemRequest request) {
            return client.putItem(request).join();
          }

          @Override
          public GetItemResponse getItem(GetItemRequest request) {
            return client.getItem(request).join();
          }

          @Override
          public UpdateItemResponse updateItem(UpdateItemRequest request) {
            return client.updateItem(request).join();
          }

          @Override
          public ScanResponse scan(ScanRequest request) {
            return client.scan(request).join();
          }
        },
        table);
  }

  /** The SDK calls, on the sync client or awaited on the async one. */
  private interface Calls {
    BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request);

    BatchGetItemResponse batchGetItem(BatchGetItemRequest request);

    QueryResponse query(QueryRequest request);

    PutItemResponse putItem(PutItemRequest request);

    GetItemResponse getItem(GetItemRequest request);

    UpdateItemResponse updateItem(UpdateItemRequest request);

    ScanResponse scan(ScanRequest request);
  }

  @Override
  public String table() {
    return table;
  }

  private static Map<String, AttributeValue> key(String partition, String id) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put(PK, AttributeValue.fromS(Keys.partition(partition)));
    key.put(SK, AttributeValue.fromS(Keys.sort(id)));
    return key;
  }

  private static Map<String, AttributeValue> item(String partition, MediumItem item, String now) {
    Map<String, AttributeValue> map = new HashMap<>(32);
    map.putAll(key(partition, item.id()));
    HandWrittenMapping.putMedium(item, map);
    map.put("_object_version", ONE);
    map.put("_timestamp", AttributeValue.fromS(now));
    map.put(GSI_PK, AttributeValue.fromS(Keys.statusPartition(item.status())));
    map.put(GSI_SK, AttributeValue.fromS(Keys.sort(item.id())));
    return map;
  }

  @Override
  public void putBatch(List<MediumItem> items) {
    String now = Instant.now().toString();
    for (int start = 0; start < items.size(); start += 25) {
      write(chunk(items, start, now));
    }
  }

  /** The puts of the 25 items from {@code start}. */
  private static List<WriteRequest> chunk(List<MediumItem> items, int start, String now) {
    List<WriteRequest> writes = new ArrayList<>(25);
    for (MediumItem item : items.subList(start, Math.min(items.size(), start + 25))) {
      writes.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item(BATCH_PARTITION, item, now)).build())
              .build());
    }
    return writes;
  }

  /** Writes one chunk, resending what DynamoDB leaves unprocessed. */
  private void write(List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response =
          client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build());
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  /**
   * {@link #putBatch} with its chunks sent on {@code pool}, at most {@code inFlight} at once: what
   * hand-written code does to write as concurrently as pydantic-dynamo's sync repository does.
   */
  void putBatch(List<MediumItem> items, ExecutorService pool, int inFlight) {
    String now = Instant.now().toString();
    Semaphore slots = new Semaphore(inFlight);
    List<Future<?>> sent = new ArrayList<>();
    for (int start = 0; start < items.size(); start += 25) {
      List<WriteRequest> writes = chunk(items, start, now);
      slots.acquireUninterruptibly();
      sent.add(
          pool.submit(
              () -> {
                try {
                  write(writes);
                } finally {
                  slots.release();
                }
              }));
    }
    for (Future<?> chunk : sent) {
      try {
        chunk.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  @Override
  public int getBatch(List<String> ids) {
    int found = 0;
    for (int start = 0; start < ids.size(); start += 100) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>(100);
      for (String id : ids.subList(start, Math.min(ids.size(), start + 100))) {
        keys.add(key(BATCH_PARTITION, id));
      }
      Map<String, KeysAndAttributes> pending =
          Map.of(table, KeysAndAttributes.builder().keys(keys).build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response =
            client.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
        for (Map<String, AttributeValue> item :
            response.responses().getOrDefault(table, List.of())) {
          HandWrittenMapping.medium(item);
          found++;
        }
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }

  @Override
  public int list() {
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
            .expressionAttributeValues(
                Map.of(
                    ":pk", AttributeValue.fromS(Keys.partition(BATCH_PARTITION)),
                    ":prefix", AttributeValue.fromS(Keys.sortPrefix())))
            .build();
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page =
          client.query(start == null ? query : query.toBuilder().exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        HandWrittenMapping.medium(item);
        count++;
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return count;
  }

  @Override
  public int indexQuery(MediumItem.Status status) {
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(BY_STATUS)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI_PK))
            .expressionAttributeValues(
                Map.of(":pk", AttributeValue.fromS(Keys.statusPartition(status))))
            .build();
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page =
          client.query(start == null ? query : query.toBuilder().exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        HandWrittenMapping.medium(item);
        count++;
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return count;
  }

  @Override
  public int scan() {
    ScanRequest scan = ScanRequest.builder().tableName(table).build();
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse page =
          client.scan(start == null ? scan : scan.toBuilder().exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        HandWrittenMapping.medium(item);
        count++;
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return count;
  }

  @Override
  public void put(MediumItem item) {
    Map<String, AttributeValue> map = item(SINGLE_PARTITION, item, Instant.now().toString());
    client.putItem(PutItemRequest.builder().tableName(table).item(map).build());
  }

  @Override
  public String get(String id) {
    Map<String, AttributeValue> item =
        client
            .getItem(
                GetItemRequest.builder().tableName(table).key(key(SINGLE_PARTITION, id)).build())
            .item();
    return HandWrittenMapping.medium(item).id();
  }

  @Override
  public int update(String id, int rating) {
    Map<String, AttributeValue> values = new HashMap<>(4);
    values.put(":rating", AttributeValue.fromN(Integer.toString(rating)));
    values.put(":ts", AttributeValue.fromS(Instant.now().toString()));
    values.put(":one", ONE);
    Map<String, AttributeValue> updated =
        client
            .updateItem(
                UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(SINGLE_PARTITION, id))
                    .updateExpression(UPDATE)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(UPDATE_NAMES)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build())
            .attributes();
    return HandWrittenMapping.medium(updated).rating();
  }

  @Override
  public void close() {
    // the client belongs to the harness
  }
}
