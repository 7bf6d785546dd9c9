package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.PartitionedContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The state of reading one chunk of up to 100 keys (sync and async alike): what is still pending,
 * what was found, and the found items in request order (DynamoDB returns them shuffled).
 */
final class BatchReads<T> {
  private final RepositoryCore<T> core;
  private final List<BatchEntry> chunk;
  private final Map<String, Map<String, AttributeValue>> found;
  private List<BatchEntry> pending;

  BatchReads(RepositoryCore<T> core, List<BatchEntry> chunk) {
    this.core = core;
    this.chunk = chunk;
    this.pending = chunk;
    this.found = new HashMap<>(chunk.size() * 2);
  }

  int size() {
    return chunk.size();
  }

  List<BatchEntry> pending() {
    return pending;
  }

  BatchGetItemRequest request(boolean consistent) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(pending.size());
    for (BatchEntry entry : pending) {
      keys.add(entry.rawKey());
    }
    return BatchGetItemRequest.builder()
        .requestItems(
            Map.of(
                core.table(),
                KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build()))
        .build();
  }

  /** Records the found items; what DynamoDB left unprocessed stays pending. */
  void accept(BatchGetItemResponse response) {
    List<Map<String, AttributeValue>> items = response.responses().get(core.table());
    if (items != null) {
      for (Map<String, AttributeValue> item : items) {
        found.put(core.identity(item), item);
      }
    }
    KeysAndAttributes left = response.unprocessedKeys().get(core.table());
    if (left == null || !left.hasKeys() || left.keys().isEmpty()) {
      pending = List.of();
      return;
    }
    java.util.Set<String> identities = new java.util.HashSet<>(left.keys().size() * 2);
    for (Map<String, AttributeValue> key : left.keys()) {
      identities.add(core.identity(key));
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
  List<PartitionedContent<T>> contents() {
    List<PartitionedContent<T>> contents = new ArrayList<>(found.size());
    for (BatchEntry entry : chunk) {
      Map<String, AttributeValue> item = found.get(entry.identity());
      if (item != null) {
        PartitionedContent<T> content = core.read(item);
        if (content != null) {
          contents.add(content);
        }
      }
    }
    return contents;
  }
}
