package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem: the entries of putBatch and delete, one chunk's request, what it left. */
public final class BatchWriteItemOperation<T> {
  /**
   * How many items of a put batch keep the item mapped while they are checked until they are sent.
   * Every item is checked (validated and mapped) before the first write; the items after these are
   * mapped again just before their chunk is sent, so a large batch holds at most this many mapped
   * items at once however long it is. The price is the second mapping: for 10,000 medium items
   * about 8 % more client time than mapping once (ClientOverheadBenchmarks).
   */
  static final int KEPT_MAPPED = 40 * BatchEntry.WRITE_CHUNK;

  private final String table;
  private final ItemCodec<T> codec;

  BatchWriteItemOperation(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /**
   * Every content checked and mapped (before any write), duplicates dropped: the last one wins.
   * Only the first {@link #KEPT_MAPPED} keep their mapped items.
   */
  public List<BatchEntry> puts(Iterable<PartitionedContent<T>> contents) {
    Instant now = codec.now();
    List<BatchEntry> entries = new ArrayList<>();
    for (PartitionedContent<T> content : contents) {
      Map<String, AttributeValue> item = codec.item(content, now);
      entries.add(
          new BatchEntry(
              codec.identity(item),
              content.key(),
              entries.size() < KEPT_MAPPED ? item : null,
              codec.keyAttributes(item),
              content,
              now));
    }
    return BatchEntry.lastWins(entries);
  }

  /** The delete of a stored item, from its key attributes. */
  public BatchEntry delete(Map<String, AttributeValue> storedKey) {
    Map<String, AttributeValue> key = codec.keyAttributes(storedKey);
    return new BatchEntry(codec.identity(key), codec.keyOf(key), null, key, null, null);
  }

  /** The deletes of exact keys, checked before any write; a key asked twice is deleted once. */
  public List<BatchEntry> deletes(Collection<ContentKey> keys) {
    List<BatchEntry> entries = new ArrayList<>(keys.size());
    int index = 0;
    for (ContentKey key : keys) {
      if (key == null) {
        throw new InvalidCommandException(
            "keys[" + index + "] is null; pass the ContentKey of each item to delete");
      }
      Map<String, AttributeValue> raw = codec.key(key);
      entries.add(new BatchEntry(codec.identity(raw), key, null, raw, null, null));
      index++;
    }
    return BatchEntry.firstWins(entries);
  }

  /** The request writing {@code chunk}, built just before it is sent. */
  public BatchWriteItemRequest request(List<BatchEntry> chunk) {
    List<WriteRequest> writes = new ArrayList<>(chunk.size());
    for (BatchEntry entry : chunk) {
      writes.add(
          entry.content() != null
              ? WriteRequest.builder()
                  .putRequest(PutRequest.builder().item(itemToPut(entry)).build())
                  .build()
              : WriteRequest.builder()
                  .deleteRequest(DeleteRequest.builder().key(entry.rawKey()).build())
                  .build());
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(table, writes)).build();
  }

  /** The item a put writes: kept from the check, or mapped again as it was then. */
  @SuppressWarnings("unchecked")
  private Map<String, AttributeValue> itemToPut(BatchEntry entry) {
    Map<String, AttributeValue> kept = entry.item();
    if (kept != null) {
      return kept;
    }
    return codec.item(
        (PartitionedContent<T>) Objects.requireNonNull(entry.content()),
        Objects.requireNonNull(entry.written()));
  }

  /** The entries of {@code chunk} that DynamoDB reported back as unprocessed. */
  public List<BatchEntry> unprocessed(
      List<BatchEntry> chunk, Map<String, List<WriteRequest>> unprocessed) {
    List<WriteRequest> left = unprocessed.get(table);
    if (left == null || left.isEmpty()) {
      return List.of();
    }
    Set<String> identities = new HashSet<>(left.size() * 2);
    for (WriteRequest write : left) {
      Map<String, AttributeValue> raw =
          write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
      identities.add(codec.identity(raw));
    }
    List<BatchEntry> pending = new ArrayList<>(identities.size());
    for (BatchEntry entry : chunk) {
      if (identities.contains(entry.identity())) {
        pending.add(entry);
      }
    }
    return pending;
  }

  /** Writes one chunk; what DynamoDB left unprocessed. */
  public List<BatchEntry> write(DynamoDbClient client, List<BatchEntry> chunk) {
    return unprocessed(chunk, client.batchWriteItem(request(chunk)).unprocessedItems());
  }

  /** Writes one chunk; what DynamoDB left unprocessed. */
  public CompletableFuture<List<BatchEntry>> write(
      DynamoDbAsyncClient client, List<BatchEntry> chunk) {
    return client
        .batchWriteItem(request(chunk))
        .thenApply(response -> unprocessed(chunk, response.unprocessedItems()));
  }
}
