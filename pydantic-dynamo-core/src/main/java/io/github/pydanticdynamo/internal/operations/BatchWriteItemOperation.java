package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.batch.ChunkReader;
import io.github.pydanticdynamo.internal.batch.PublisherChunks;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem: the chunk readers of putBatch and delete, one chunk's request, what it left. */
public final class BatchWriteItemOperation<T> {
  /**
   * How many items of a re-readable put batch keep the item the up-front check had to build (a
   * model without a compiled plan, a value only the write can vouch for) until their chunk is sent;
   * the items after these are mapped again when their chunk is read. This bounds what the check
   * keeps (about 5 MB of medium items) and spares small batches the second mapping. Items the plan
   * checks without building are not kept: mapping them again when their chunk is sent costs less
   * than copying a mapped item gone cold into its request.
   */
  static final int KEPT_MAPPED = 40 * BatchEntry.WRITE_CHUNK;

  private final String table;
  private final ItemCodec<T> codec;

  BatchWriteItemOperation(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /**
   * The chunks of a put batch, read from {@code contents} one at a time. A {@link Collection} is
   * checked whole first (every item validated, its values, keys and size checked, without building
   * it where the model's plan allows), so a bad item anywhere fails before any write; its items are
   * then mapped (not checked again) chunk by chunk, except the first {@link #KEPT_MAPPED} the check
   * had to build. Any other source is read once, each item checked as its chunk is read. One write
   * time for the whole batch.
   *
   * @throws io.github.pydanticdynamo.PydanticDynamoException for a bad item of a collection
   */
  public ChunkReader<PartitionedContent<T>> puts(Iterable<PartitionedContent<T>> contents) {
    Instant now = codec.now();
    ChunkReader.Entries<PartitionedContent<T>> unsent =
        (content, position) -> BatchEntry.unsent(content.key(), content);
    if (contents instanceof Collection<PartitionedContent<T>> collection) {
      int size = collection.size();
      BatchEntry[] kept = new BatchEntry[Math.min(size, KEPT_MAPPED)];
      if (collection instanceof List<PartitionedContent<T>> list && list instanceof RandomAccess) {
        // Checked last to first, so the first items, written first, are still in the CPU's caches
        // when the second pass maps them; a failure is then looked up first to last, so the first
        // bad item is the one reported, as with any other collection.
        try {
          for (int position = size - 1; position >= 0; position--) {
            check(list.get(position), position, now, kept);
          }
        } catch (RuntimeException e) {
          checkAll(collection, now, kept);
          throw e;
        }
      } else {
        checkAll(collection, now, kept);
      }
      return new ChunkReader<>(
          collection.iterator(),
          (content, at) -> {
            if (at < kept.length) {
              BatchEntry entry = kept[at];
              kept[at] = null; // released with its chunk
              if (entry != null && entry.content() == content) {
                return entry;
              }
            }
            return putChecked(content, at, now);
          },
          unsent,
          BatchEntry.WRITE_CHUNK,
          ChunkReader.Duplicates.LAST_WINS,
          null,
          size);
    }
    return new ChunkReader<>(
        contents.iterator(),
        (content, at) -> put(content, at, now),
        unsent,
        BatchEntry.WRITE_CHUNK,
        ChunkReader.Duplicates.LAST_WINS,
        null,
        -1);
  }

  private void checkAll(
      Collection<PartitionedContent<T>> collection, Instant now, BatchEntry[] kept) {
    int position = 0;
    for (PartitionedContent<T> content : collection) {
      check(content, position++, now, kept);
    }
  }

  /** The first pass's check of one item; keeps the item when checking it meant building it. */
  private void check(
      @Nullable PartitionedContent<T> given, int position, Instant now, BatchEntry[] kept) {
    PartitionedContent<T> content = checked(given, position);
    Map<String, AttributeValue> built = codec.check(content, now);
    if (built != null && position < kept.length) {
      kept[position] = entry(content, built, now);
    }
  }

  /** The entry of a put of {@code content}, mapped to {@code item}. */
  private BatchEntry entry(
      PartitionedContent<T> content, Map<String, AttributeValue> item, Instant now) {
    return new BatchEntry(codec.identity(item), content.key(), item, item, content, now);
  }

  /** One checked and mapped put. */
  private BatchEntry put(@Nullable PartitionedContent<T> given, int position, Instant now) {
    PartitionedContent<T> content = checked(given, position);
    Map<String, AttributeValue> item = codec.item(content, now);
    return entry(content, item, now);
  }

  /** A put the first pass checked already: mapped again, not checked again. */
  private BatchEntry putChecked(@Nullable PartitionedContent<T> given, int position, Instant now) {
    PartitionedContent<T> content = checked(given, position);
    Map<String, AttributeValue> item = codec.checkedItem(content, now);
    return entry(content, item, now);
  }

  private static <C> PartitionedContent<C> checked(
      @Nullable PartitionedContent<C> content, int position) {
    if (content == null) {
      throw new InvalidCommandException(
          "contents[" + position + "] is null; pass a PartitionedContent for each item to write");
    }
    return content;
  }

  /** The delete of a stored item, from its key attributes. */
  public BatchEntry delete(Map<String, AttributeValue> storedKey) {
    Map<String, AttributeValue> key = codec.keyAttributes(storedKey);
    return new BatchEntry(codec.identity(key), codec.keyOf(key), null, key, null, null);
  }

  /**
   * The chunks of deleting stored items, each delete built from the item's key attributes when its
   * chunk is read.
   *
   * @param storedKeys the key attributes, as a keys-only query returns them
   * @param total how many there are, or -1 when they come from a query still being read (then the
   *     keys not handed out are not reported by the reader: the caller knows what it holds)
   */
  public ChunkReader<Map<String, AttributeValue>> deletesOf(
      Iterator<Map<String, AttributeValue>> storedKeys, long total) {
    return new ChunkReader<>(
        storedKeys,
        (key, position) -> delete(key),
        (key, position) -> delete(key),
        BatchEntry.WRITE_CHUNK,
        ChunkReader.Duplicates.FIRST_WINS,
        null,
        total);
  }

  /**
   * The chunks of deleting exact keys, every key checked before any write; a key given twice is
   * deleted once.
   */
  public ChunkReader<ContentKey> deletes(Collection<ContentKey> keys) {
    int index = 0;
    for (ContentKey key : keys) {
      deleteOf(key, index++);
    }
    return new ChunkReader<>(
        keys.iterator(),
        this::deleteOf,
        (key, position) -> BatchEntry.unsent(key, null),
        BatchEntry.WRITE_CHUNK,
        ChunkReader.Duplicates.FIRST_WINS,
        keys instanceof Set<?> ? null : new HashSet<>(),
        keys.size());
  }

  private BatchEntry deleteOf(@Nullable ContentKey key, int position) {
    if (key == null) {
      throw new InvalidCommandException(
          "keys[" + position + "] is null; pass the ContentKey of each item to delete");
    }
    Map<String, AttributeValue> raw = codec.key(key);
    return new BatchEntry(codec.identity(raw), key, null, raw, null, null);
  }

  /** The request writing {@code chunk}, built just before it is sent. */
  public BatchWriteItemRequest request(List<BatchEntry> chunk) {
    List<WriteRequest> writes = new ArrayList<>(chunk.size());
    for (BatchEntry entry : chunk) {
      writes.add(
          entry.item() != null
              ? WriteRequest.builder()
                  .putRequest(
                      PutRequest.builder().item(Objects.requireNonNull(entry.item())).build())
                  .build()
              : WriteRequest.builder()
                  .deleteRequest(DeleteRequest.builder().key(entry.rawKey()).build())
                  .build());
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(table, writes)).build();
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

  /**
   * The chunks of a put batch read from a publisher: single-pass, each item checked and mapped as
   * it arrives (as for a non-collection {@code Iterable}); one write time for the whole batch.
   */
  public PublisherChunks<PartitionedContent<T>> puts(
      Publisher<? extends PartitionedContent<T>> contents) {
    Instant now = codec.now();
    return new PublisherChunks<>(
        contents, (content, at) -> put(content, at, now), BatchEntry.WRITE_CHUNK);
  }
}
