package io.github.pydanticdynamo.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB look busy on a real engine: it takes part of every BatchWriteItem / BatchGetItem
 * out of the request before it is sent, and puts exactly that part into the response's {@code
 * UnprocessedItems} / {@code UnprocessedKeys}, as DynamoDB does under load (dynalite never does).
 * What is held back is really not written or read, so a client that drops unprocessed work loses
 * it.
 *
 * <p>When everything in a request is held back, a delete of a placeholder key ({@link #SENTINEL})
 * or a read of it is sent instead, since DynamoDB rejects empty batches.
 *
 * <pre>{@code
 * UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
 * DynamoDbClient client = LocalDynamoDb.shared().newClient(
 *     ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build());
 * }</pre>
 */
public final class UnprocessedWorkInterceptor implements ExecutionInterceptor {
  /** The sort key of the harmless item sent in place of a request that was held back whole. */
  public static final String SENTINEL = "__held_back_sentinel__";

  private static final ExecutionAttribute<List<WriteRequest>> HELD_WRITES =
      new ExecutionAttribute<>("heldWrites");
  private static final ExecutionAttribute<List<Map<String, AttributeValue>>> HELD_KEYS =
      new ExecutionAttribute<>("heldKeys");

  private final String partitionKey;
  private final String sortKey;
  private final double fraction;
  private final Predicate<Map<String, AttributeValue>> alwaysHeld;
  private final AtomicLong heldBack = new AtomicLong();
  private final AtomicLong batchRequests = new AtomicLong();

  private UnprocessedWorkInterceptor(
      String partitionKey,
      String sortKey,
      double fraction,
      Predicate<Map<String, AttributeValue>> alwaysHeld) {
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
    this.fraction = fraction;
    this.alwaysHeld = alwaysHeld;
  }

  /**
   * Holds back this fraction of every batch request (rounded down, at least one item is sent).
   *
   * @param table the table whose key names a placeholder request uses
   * @param fraction between 0 and 1
   * @return the interceptor
   */
  public static UnprocessedWorkInterceptor fraction(TestTable table, double fraction) {
    return new UnprocessedWorkInterceptor(
        table.partitionKey(), table.sortKey(), fraction, item -> false);
  }

  /**
   * Holds back, every time, the items (or keys) that match: they are never processed.
   *
   * @param table the table whose key names a placeholder request uses
   * @param match applied to the put item, delete key or read key
   * @return the interceptor
   */
  public static UnprocessedWorkInterceptor always(
      TestTable table, Predicate<Map<String, AttributeValue>> match) {
    return new UnprocessedWorkInterceptor(table.partitionKey(), table.sortKey(), 0, match);
  }

  /**
   * How many items or keys were held back so far.
   *
   * @return the count
   */
  public long heldBack() {
    return heldBack.get();
  }

  /**
   * How many batch requests went through this interceptor.
   *
   * @return the count
   */
  public long batchRequests() {
    return batchRequests.get();
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof BatchWriteItemRequest write) {
      batchRequests.incrementAndGet();
      Map<String, List<WriteRequest>> sent = new HashMap<>();
      List<WriteRequest> held = new ArrayList<>();
      String table = null;
      for (Map.Entry<String, List<WriteRequest>> entry : write.requestItems().entrySet()) {
        table = entry.getKey();
        List<WriteRequest> writes = entry.getValue();
        int quota = Math.min((int) Math.floor(writes.size() * fraction), writes.size() - 1);
        List<WriteRequest> kept = new ArrayList<>();
        for (WriteRequest w : writes) {
          Map<String, AttributeValue> item =
              w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
          if (alwaysHeld.test(item) || held.size() < quota) {
            held.add(w);
          } else {
            kept.add(w);
          }
        }
        if (!kept.isEmpty()) {
          sent.put(entry.getKey(), kept);
        }
      }
      if (held.isEmpty()) {
        return request;
      }
      heldBack.addAndGet(held.size());
      attributes.putAttribute(HELD_WRITES, held);
      if (sent.isEmpty()) {
        sent.put(table, List.of(sentinelDelete()));
      }
      return write.toBuilder().requestItems(sent).build();
    }
    if (request instanceof BatchGetItemRequest read) {
      batchRequests.incrementAndGet();
      Map<String, KeysAndAttributes> sent = new HashMap<>();
      List<Map<String, AttributeValue>> held = new ArrayList<>();
      String table = null;
      KeysAndAttributes template = null;
      for (Map.Entry<String, KeysAndAttributes> entry : read.requestItems().entrySet()) {
        table = entry.getKey();
        template = entry.getValue();
        List<Map<String, AttributeValue>> keys = entry.getValue().keys();
        int quota = Math.min((int) Math.floor(keys.size() * fraction), keys.size() - 1);
        List<Map<String, AttributeValue>> kept = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
          if (alwaysHeld.test(key) || held.size() < quota) {
            held.add(key);
          } else {
            kept.add(key);
          }
        }
        if (!kept.isEmpty()) {
          sent.put(entry.getKey(), entry.getValue().toBuilder().keys(kept).build());
        }
      }
      if (held.isEmpty()) {
        return request;
      }
      heldBack.addAndGet(held.size());
      attributes.putAttribute(HELD_KEYS, held);
      if (sent.isEmpty()) {
        sent.put(table, template.toBuilder().keys(List.of(sentinelKey())).build());
      }
      return read.toBuilder().requestItems(sent).build();
    }
    return request;
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof BatchWriteItemResponse write) {
      List<WriteRequest> held = attributes.getAttribute(HELD_WRITES);
      if (held == null) {
        return response;
      }
      BatchWriteItemRequest request = (BatchWriteItemRequest) context.request();
      String table = request.requestItems().keySet().iterator().next();
      Map<String, List<WriteRequest>> unprocessed = new HashMap<>(write.unprocessedItems());
      List<WriteRequest> all = new ArrayList<>(unprocessed.getOrDefault(table, List.of()));
      all.addAll(held);
      unprocessed.put(table, all);
      return write.toBuilder().unprocessedItems(unprocessed).build();
    }
    if (response instanceof BatchGetItemResponse read) {
      List<Map<String, AttributeValue>> held = attributes.getAttribute(HELD_KEYS);
      if (held == null) {
        return response;
      }
      BatchGetItemRequest request = (BatchGetItemRequest) context.request();
      Map.Entry<String, KeysAndAttributes> entry =
          request.requestItems().entrySet().iterator().next();
      Map<String, KeysAndAttributes> unprocessed = new HashMap<>(read.unprocessedKeys());
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      KeysAndAttributes existing = unprocessed.get(entry.getKey());
      if (existing != null && existing.hasKeys()) {
        keys.addAll(existing.keys());
      }
      keys.addAll(held);
      unprocessed.put(entry.getKey(), entry.getValue().toBuilder().keys(keys).build());
      return read.toBuilder().unprocessedKeys(unprocessed).build();
    }
    return response;
  }

  private WriteRequest sentinelDelete() {
    return WriteRequest.builder()
        .deleteRequest(DeleteRequest.builder().key(sentinelKey()).build())
        .build();
  }

  private Map<String, AttributeValue> sentinelKey() {
    return Map.of(
        partitionKey, AttributeValue.fromS(SENTINEL), sortKey, AttributeValue.fromS(SENTINEL));
  }
}
