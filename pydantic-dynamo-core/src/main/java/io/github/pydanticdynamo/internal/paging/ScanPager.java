package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import io.github.pydanticdynamo.internal.paging.PageToken.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Walks the pages of one scan over one or more segments, without I/O: which segment to ask next,
 * the request, and each answer turned into a page, trimmed to the exact limit, whose token holds
 * every segment's position as of that page (so resuming re-reads nothing delivered and skips
 * nothing). Pages are accepted one at a time; not thread-safe.
 */
public final class ScanPager<T> {
  private final ItemCodec<T> codec;
  private final ScanPlan plan;
  private final Position[] positions;
  private final boolean[] inFlight;
  private long remaining;
  private boolean limitReached;
  private int cursor;

  public ScanPager(ItemCodec<T> codec, ScanPlan plan) {
    this.codec = codec;
    this.plan = plan;
    this.positions = plan.start().toArray(new Position[0]);
    this.inFlight = new boolean[positions.length];
    this.remaining = plan.limit() == null ? Long.MAX_VALUE : plan.limit();
  }

  /** Whether the walk is over: the limit is reached or every segment has been read. */
  public boolean done() {
    return limitReached || allRead();
  }

  private boolean allRead() {
    for (Position position : positions) {
      if (position.state() != State.DONE) {
        return false;
      }
    }
    return true;
  }

  /** The next segment (an index into the plan's segments) with more to read and no request out. */
  public int nextReady() {
    if (done()) {
      return -1;
    }
    for (int i = 0; i < positions.length; i++) {
      int candidate = (cursor + i) % positions.length;
      if (positions[candidate].state() != State.DONE && !inFlight[candidate]) {
        cursor = (candidate + 1) % positions.length;
        return candidate;
      }
    }
    return -1;
  }

  /** The request for segment {@code index}'s next page; marks it as asked. */
  public ScanRequest request(int index) {
    inFlight[index] = true;
    ScanRequest.Builder request = plan.template().toBuilder();
    if (plan.totalSegments() > 1) {
      request.segment(plan.segments().get(index)).totalSegments(plan.totalSegments());
    }
    if (plan.pageSize() != null) {
      request.limit(plan.pageSize());
    }
    Position position = positions[index];
    if (position.state() == State.AT) {
      Map<String, AttributeValue> start = new HashMap<>(4);
      position.key().forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
      request.exclusiveStartKey(start);
    }
    return request.build();
  }

  /** Turns segment {@code index}'s answer into the next page and moves that segment on. */
  public BatchResponse<T> accept(int index, ScanResponse response) {
    inFlight[index] = false;
    List<PartitionedContent<T>> contents = new ArrayList<>(Math.min(response.items().size(), 1024));
    Map<String, AttributeValue> lastKept = null;
    boolean cut = false;
    for (Map<String, AttributeValue> item : response.items()) {
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
      positions[index] = Position.at(keyOf(lastKept));
    } else if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      positions[index] = Position.at(keyOf(response.lastEvaluatedKey()));
    } else {
      positions[index] = Position.DONE;
    }
    limitReached = remaining == 0;
    return BatchResponse.of(contents, token());
  }

  /** The token of the walk as it stands, or null when nothing is left to read. */
  private @Nullable String token() {
    return allRead()
        ? null
        : new PageToken(List.of(positions)).encode(plan.sealer(), plan.binding());
  }

  private Map<String, String> keyOf(Map<String, AttributeValue> item) {
    return Map.of(
        codec.partitionKeyName(),
        item.get(codec.partitionKeyName()).s(),
        codec.sortKeyName(),
        item.get(codec.sortKeyName()).s());
  }
}
