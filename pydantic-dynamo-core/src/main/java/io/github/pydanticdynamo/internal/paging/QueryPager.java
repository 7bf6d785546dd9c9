package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Walks the pages of one query, sync or async, one request at a time; not thread-safe. */
public final class QueryPager<T> {
  private final ItemCodec<T> codec;
  private final QueryPlan plan;
  private @Nullable ContinuationToken position;
  private long remaining;
  private boolean done;

  public QueryPager(ItemCodec<T> codec, QueryPlan plan) {
    this.codec = codec;
    this.plan = plan;
    this.position = plan.start();
    this.remaining = plan.limit() == null ? Long.MAX_VALUE : plan.limit();
  }

  public boolean done() {
    return done;
  }

  /** The request for the next page. */
  public QueryRequest nextRequest() {
    QueryRequest.Builder request = plan.template().toBuilder();
    Integer limit = plan.pageSize();
    if (!plan.filtered() && remaining < Integer.MAX_VALUE) {
      limit = limit == null ? (int) remaining : Math.min(limit, (int) remaining);
    }
    if (limit != null) {
      request.limit(limit);
    }
    if (position != null) {
      request.exclusiveStartKey(plan.startKey(position));
    }
    return request.build();
  }

  /** Turns a response into the next page, trimmed to the exact limit, and moves on. */
  public BatchResponse<T> accept(QueryResponse response) {
    List<Map<String, AttributeValue>> items = response.items();
    List<PartitionedContent<T>> contents = new ArrayList<>(Math.min(items.size(), 1024));
    Map<String, AttributeValue> lastKept = null;
    boolean cut = false;
    for (Map<String, AttributeValue> item : items) {
      if (contents.size() == remaining) {
        cut = true;
        break;
      }
      PartitionedContent<T> content = codec.read(item);
      if (content != null) { // null: expired and hidden
        contents.add(content);
        lastKept = item;
      }
    }
    remaining -= contents.size();
    Map<String, AttributeValue> lastEvaluated =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey()
            : null;
    if (cut && lastKept != null) {
      position = tokenOf(lastKept); // the limit stopped mid-page: resume right after this item
    } else {
      position = lastEvaluated == null ? null : tokenOf(lastEvaluated);
    }
    done = position == null || remaining == 0;
    return BatchResponse.of(
        contents, position == null ? null : position.encode(plan.sealer(), plan.binding()));
  }

  private ContinuationToken tokenOf(Map<String, AttributeValue> item) {
    return new ContinuationToken(
        item.get(plan.partitionKeyName()).s(), item.get(plan.sortKeyName()).s());
  }
}
