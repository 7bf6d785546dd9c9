package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.PartitionedContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Walks the pages of one query, for both the sync stream and the async publisher: asks for the next
 * request, takes its response, and trims to the exact limit. Not thread-safe; one request is in
 * flight at a time.
 */
final class QueryPager<T> {
  private final RepositoryCore<T> core;
  private final QueryPlan plan;
  private @Nullable ContinuationToken position;
  private long remaining;
  private boolean done;

  QueryPager(RepositoryCore<T> core, QueryPlan plan) {
    this.core = core;
    this.plan = plan;
    this.position = plan.start();
    this.remaining = plan.limit() == null ? Long.MAX_VALUE : plan.limit();
  }

  boolean done() {
    return done;
  }

  /** The request for the next page. */
  QueryRequest nextRequest() {
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

  /** Turns a response into the next page and moves on. */
  BatchResponse<T> accept(QueryResponse response) {
    List<Map<String, AttributeValue>> items = response.items();
    List<PartitionedContent<T>> contents = new ArrayList<>(Math.min(items.size(), 1024));
    Map<String, AttributeValue> lastKept = null;
    boolean cut = false;
    for (Map<String, AttributeValue> item : items) {
      if (contents.size() == remaining) {
        cut = true;
        break;
      }
      PartitionedContent<T> content = core.read(item);
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
    return BatchResponse.of(contents, position == null ? null : position.encode());
  }

  private ContinuationToken tokenOf(Map<String, AttributeValue> item) {
    return new ContinuationToken(
        item.get(plan.partitionKeyName()).s(), item.get(plan.sortKeyName()).s());
  }
}
