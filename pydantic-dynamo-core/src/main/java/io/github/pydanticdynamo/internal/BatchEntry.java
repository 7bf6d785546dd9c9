package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * @param item the full item to put, or null for deletes and reads, and for puts whose item is
 *     mapped again just before it is sent
 * @param rawKey the key attributes
 * @param content the content being put, or null for deletes and reads
 * @param written the batch's write time (for puts), or null
 */
record BatchEntry(
    String identity,
    ContentKey key,
    @Nullable Map<String, AttributeValue> item,
    Map<String, AttributeValue> rawKey,
    @Nullable PartitionedContent<?> content,
    @Nullable Instant written) {

  static final int WRITE_CHUNK = 25;
  static final int READ_CHUNK = 100;

  /**
   * How many items of a put batch keep the item mapped while they are checked until they are sent.
   * Every item is checked (validated and mapped) before the first write; the items after these are
   * mapped again just before their chunk is sent, so a large batch holds at most this many mapped
   * items at once however long it is. The price is the second mapping: for 10,000 medium items
   * about 8 % more client time than mapping once (ClientOverheadBenchmarks).
   */
  static final int KEPT_MAPPED = 40 * WRITE_CHUNK;

  /**
   * Every content checked and mapped (before any write), duplicates dropped: the last one wins.
   * Only the first {@link #KEPT_MAPPED} keep their mapped items.
   */
  static <T> List<BatchEntry> puts(
      RepositoryCore<T> core, Iterable<PartitionedContent<T>> contents) {
    Instant now = core.now();
    List<BatchEntry> entries = new ArrayList<>();
    for (PartitionedContent<T> content : contents) {
      Map<String, AttributeValue> item = core.item(content, now);
      entries.add(
          new BatchEntry(
              core.identity(item),
              content.key(),
              entries.size() < KEPT_MAPPED ? item : null,
              keyOf(core, item),
              content,
              now));
    }
    return lastWins(entries);
  }

  /** The item this put writes: kept from the check, or mapped again as it was then. */
  @SuppressWarnings("unchecked")
  <T> Map<String, AttributeValue> itemToPut(RepositoryCore<T> core) {
    Map<String, AttributeValue> kept = item;
    if (kept != null) {
      return kept;
    }
    return core.item(
        (PartitionedContent<T>) Objects.requireNonNull(content), Objects.requireNonNull(written));
  }

  /** The read chunks of up to 100 distinct keys, in request order. */
  static List<List<BatchEntry>> readChunks(RepositoryCore<?> core, Collection<ContentKey> keys) {
    List<BatchEntry> entries = new ArrayList<>(keys.size());
    for (ContentKey key : keys) {
      entries.add(read(core, key));
    }
    return chunks(firstWins(entries), READ_CHUNK);
  }

  static BatchEntry delete(RepositoryCore<?> core, Map<String, AttributeValue> storedKey) {
    Map<String, AttributeValue> key = keyOf(core, storedKey);
    return new BatchEntry(core.identity(key), core.keyOf(key), null, key, null, null);
  }

  static BatchEntry read(RepositoryCore<?> core, ContentKey contentKey) {
    Map<String, AttributeValue> key = core.key(contentKey);
    return new BatchEntry(core.identity(key), contentKey, null, key, null, null);
  }

  /** The key attributes of an item, sharing its values. */
  private static Map<String, AttributeValue> keyOf(
      RepositoryCore<?> core, Map<String, AttributeValue> item) {
    return Map.of(
        core.partitionKeyName(), Objects.requireNonNull(item.get(core.partitionKeyName())),
        core.sortKeyName(), Objects.requireNonNull(item.get(core.sortKeyName())));
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

  /** The request writing {@code chunk}, built just before it is sent. */
  static BatchWriteItemRequest writeRequest(RepositoryCore<?> core, List<BatchEntry> chunk) {
    List<WriteRequest> writes = new ArrayList<>(chunk.size());
    for (BatchEntry entry : chunk) {
      writes.add(
          entry.content() != null
              ? WriteRequest.builder()
                  .putRequest(PutRequest.builder().item(entry.itemToPut(core)).build())
                  .build()
              : WriteRequest.builder()
                  .deleteRequest(DeleteRequest.builder().key(entry.rawKey()).build())
                  .build());
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(core.table(), writes)).build();
  }

  /** The entries of {@code chunk} that DynamoDB reported back as unprocessed writes. */
  static List<BatchEntry> unprocessedWrites(
      RepositoryCore<?> core, List<BatchEntry> chunk, Map<String, List<WriteRequest>> unprocessed) {
    List<WriteRequest> left = unprocessed.get(core.table());
    if (left == null || left.isEmpty()) {
      return List.of();
    }
    Set<String> identities = new HashSet<>(left.size() * 2);
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

  /**
   * The chunks of a write batch, each a list of its own (no view of the whole batch), in a slot
   * that holds what the chunk has not yet confirmed and is cleared once it is written: a written
   * chunk's items can be collected while the rest of the batch is still being sent.
   */
  static final class WriteChunks {
    private final AtomicReferenceArray<@Nullable List<BatchEntry>> slots;
    private final int total;
    private final AtomicInteger claimed = new AtomicInteger();

    WriteChunks(List<BatchEntry> entries) {
      int size = entries.size();
      this.slots = new AtomicReferenceArray<>((size + WRITE_CHUNK - 1) / WRITE_CHUNK);
      for (int i = 0; i < slots.length(); i++) {
        slots.set(
            i,
            List.copyOf(entries.subList(i * WRITE_CHUNK, Math.min(size, (i + 1) * WRITE_CHUNK))));
      }
      this.total = size;
    }

    /** How many chunks. */
    int count() {
      return slots.length();
    }

    /** How many entries in the whole batch, written or not. */
    int total() {
      return total;
    }

    /** What chunk {@code index} has not confirmed yet, or null once it is written. */
    @Nullable List<BatchEntry> pending(int index) {
      return slots.get(index);
    }

    /** Records a response: only {@code left} of chunk {@code index} is still to be written. */
    void confirm(int index, List<BatchEntry> left) {
      slots.set(index, left.isEmpty() ? null : left);
    }

    /** The next chunk no worker has taken yet, or -1 when all are taken. */
    int claim() {
      int index = claimed.getAndIncrement();
      return index < slots.length() ? index : -1;
    }
  }
}
