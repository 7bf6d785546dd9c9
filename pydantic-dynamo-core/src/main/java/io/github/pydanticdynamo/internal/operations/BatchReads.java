package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reading one chunk of up to 100 keys: what is pending, what was found, found items in order. */
public final class BatchReads<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final List<BatchEntry> chunk;
  private final Map<String, Map<String, AttributeValue>> found;
  private List<BatchEntry> pending;

  BatchReads(String table, ItemCodec<T> codec, List<BatchEntry> chunk) {
    this.table = table;
    this.codec = codec;
    this.chunk = chunk;
    this.pending = chunk;
    this.found = new HashMap<>(chunk.size() * 2);
  }

  public int size() {
    return chunk.size();
  }

  public List<BatchEntry> pending() {
    return pending;
  }

  /** The request for the keys still pending. */
  BatchGetItemRequest request(boolean consistent) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(pending.size());
    for (BatchEntry entry : pending) {
      keys.add(entry.rawKey());
    }
    return BatchGetItemRequest.builder()
        .requestItems(
            Map.of(
                table,
                projected(KeysAndAttributes.builder().keys(keys).consistentRead(consistent))))
        .build();
  }

  private KeysAndAttributes projected(KeysAndAttributes.Builder keys) {
    String projection = codec.projectionExpression();
    if (projection != null) {
      keys.projectionExpression(projection)
          .expressionAttributeNames(codec.withProjectionNames(Map.of()));
    }
    return keys.build();
  }

  /** Records the found items; what DynamoDB left unprocessed stays pending. */
  public void accept(BatchGetItemResponse response) {
    List<Map<String, AttributeValue>> items = response.responses().get(table);
    if (items != null) {
      for (Map<String, AttributeValue> item : items) {
        found.put(codec.identity(item), item);
      }
    }
    KeysAndAttributes left = response.unprocessedKeys().get(table);
    if (left == null || !left.hasKeys() || left.keys().isEmpty()) {
      pending = List.of();
      return;
    }
    Set<String> identities = new HashSet<>(left.keys().size() * 2);
    for (Map<String, AttributeValue> key : left.keys()) {
      identities.add(codec.identity(key));
    }
    List<BatchEntry> stillPending = new ArrayList<>(identities.size());
    for (BatchEntry entry : pending) {
      if (identities.contains(entry.identity())) {
        stillPending.add(entry);
      }
    }
    pending = stillPending;
  }

  /** The found contents in request order; missing keys are left out. */
  public List<PartitionedContent<T>> contents() {
    List<PartitionedContent<T>> contents = new ArrayList<>(found.size());
    for (BatchEntry entry : chunk) {
      Map<String, AttributeValue> item = found.get(entry.identity());
      if (item != null) {
        PartitionedContent<T> content = codec.read(item);
        if (content != null) {
          contents.add(content);
        }
      }
    }
    return contents;
  }
}
