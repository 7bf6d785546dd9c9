package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One unit of batch work: a put or delete of one key, with what it came from, so unprocessed work
 * can be reported exactly.
 *
 * @param identity the raw key, for matching DynamoDB's unprocessed lists
 * @param key the content key
 * @param write the write request (for write batches), or null
 * @param rawKey the key attributes
 * @param content the content being put, or null for deletes and reads
 */
record BatchEntry(
    String identity,
    ContentKey key,
    @Nullable WriteRequest write,
    Map<String, AttributeValue> rawKey,
    @Nullable PartitionedContent<?> content) {

  static final int WRITE_CHUNK = 25;
  static final int READ_CHUNK = 100;

  static <T> BatchEntry put(
      RepositoryCore<T> core, PartitionedContent<T> content, java.time.Instant now) {
    Map<String, AttributeValue> item = core.item(content, now);
    Map<String, AttributeValue> key = core.key(content.key());
    return new BatchEntry(
        core.identity(key),
        content.key(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build(),
        key,
        content);
  }

  /** Every content checked and mapped (before any write), duplicates dropped: the last one wins. */
  static <T> List<BatchEntry> puts(
      RepositoryCore<T> core, Iterable<PartitionedContent<T>> contents) {
    java.time.Instant now = core.now();
    List<BatchEntry> entries = new ArrayList<>();
    for (PartitionedContent<T> content : contents) {
      entries.add(put(core, content, now));
    }
    return lastWins(entries);
  }

  /** The read chunks of up to 100 distinct keys, in request order. */
  static List<List<BatchEntry>> readChunks(
      RepositoryCore<?> core, java.util.Collection<io.github.pydanticdynamo.ContentKey> keys) {
    List<BatchEntry> entries = new ArrayList<>(keys.size());
    for (io.github.pydanticdynamo.ContentKey key : keys) {
      entries.add(read(core, key));
    }
    return chunks(firstWins(entries), READ_CHUNK);
  }

  static BatchEntry delete(RepositoryCore<?> core, Map<String, AttributeValue> storedKey) {
    Map<String, AttributeValue> key =
        Map.of(
            core.partitionKeyName(), storedKey.get(core.partitionKeyName()),
            core.sortKeyName(), storedKey.get(core.sortKeyName()));
    return new BatchEntry(
        core.identity(key),
        core.keyOf(key),
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build(),
        key,
        null);
  }

  static BatchEntry read(RepositoryCore<?> core, ContentKey contentKey) {
    Map<String, AttributeValue> key = core.key(contentKey);
    return new BatchEntry(core.identity(key), contentKey, null, key, null);
  }

  /** Drops earlier entries for the same key: the last one wins, at its own position. */
  static List<BatchEntry> lastWins(List<BatchEntry> entries) {
    Map<String, BatchEntry> byKey = new LinkedHashMap<>(entries.size() * 2);
    for (BatchEntry entry : entries) {
      byKey.remove(entry.identity());
      byKey.put(entry.identity(), entry);
    }
    return byKey.size() == entries.size() ? entries : new ArrayList<>(byKey.values());
  }

  /** Keeps the first entry of each key (reads ask each key once). */
  static List<BatchEntry> firstWins(List<BatchEntry> entries) {
    Map<String, BatchEntry> byKey = new LinkedHashMap<>(entries.size() * 2);
    for (BatchEntry entry : entries) {
      byKey.putIfAbsent(entry.identity(), entry);
    }
    return byKey.size() == entries.size() ? entries : new ArrayList<>(byKey.values());
  }

  static List<List<BatchEntry>> chunks(List<BatchEntry> entries, int size) {
    List<List<BatchEntry>> chunks = new ArrayList<>((entries.size() + size - 1) / size);
    for (int i = 0; i < entries.size(); i += size) {
      chunks.add(entries.subList(i, Math.min(entries.size(), i + size)));
    }
    return chunks;
  }

  static BatchWriteItemRequest writeRequest(String table, List<BatchEntry> chunk) {
    List<WriteRequest> writes = new ArrayList<>(chunk.size());
    for (BatchEntry entry : chunk) {
      writes.add(entry.write());
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(table, writes)).build();
  }

  /** The entries of {@code chunk} that DynamoDB reported back as unprocessed writes. */
  static List<BatchEntry> unprocessedWrites(
      RepositoryCore<?> core, List<BatchEntry> chunk, Map<String, List<WriteRequest>> unprocessed) {
    List<WriteRequest> left = unprocessed.get(core.table());
    if (left == null || left.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> identities = new java.util.HashSet<>(left.size() * 2);
    for (WriteRequest write : left) {
      Map<String, AttributeValue> raw =
          write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
      identities.add(core.identity(raw));
    }
    List<BatchEntry> pending = new ArrayList<>(identities.size());
    for (BatchEntry entry : chunk) {
      if (identities.contains(entry.identity())) {
        pending.add(entry);
      }
    }
    return pending;
  }
}
