package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Walks the pages of one index query, sync or async, one request at a time, as {@link QueryPager}
 * does for the table: trimmed to the exact limit, each page's token the index and table keys to
 * resume after. Not thread-safe.
 */
public final class IndexPager<T> {
  private final ItemCodec<T> codec;
  private final IndexQueryPlan plan;
  private @Nullable Map<String, String> position;
  private long remaining;
  private boolean done;

  public IndexPager(ItemCodec<T> codec, IndexQueryPlan plan) {
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
      Map<String, AttributeValue> start = new HashMap<>(8);
      position.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
      request.exclusiveStartKey(start);
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
    if (cut && lastKept != null) {
      position = keyOf(lastKept);
    } else if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      position = keyOf(response.lastEvaluatedKey());
    } else {
      position = null;
    }
    done = position == null || remaining == 0;
    return BatchResponse.of(
        contents,
        position == null
            ? null
            : new PageToken(List.of(Position.at(position))).encode(plan.sealer(), plan.binding()));
  }

  private Map<String, String> keyOf(Map<String, AttributeValue> item) {
    Map<String, String> key = new HashMap<>(8);
    for (String name : plan.keyNames()) {
      key.put(name, item.get(name).s());
    }
    return key;
  }
}
