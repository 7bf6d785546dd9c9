package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.batch.ChunkReader;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

/** BatchGetItem: the key chunks of getBatch and one chunk's request ({@link BatchReads}). */
public final class BatchGetItemOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final boolean consistentReads;

  BatchGetItemOperation(String table, ItemCodec<T> codec, boolean consistentReads) {
    this.table = table;
    this.codec = codec;
    this.consistentReads = consistentReads;
  }

  /**
   * Checks every key (before any read), so a bad key fails at once; nothing is kept.
   *
   * @throws io.github.pydanticdynamo.PydanticDynamoException for a null or invalid key
   */
  public void check(Collection<ContentKey> keys) {
    int position = 0;
    for (ContentKey key : keys) {
      entry(key, position++);
    }
  }

  /**
   * The read chunks of up to 100 distinct keys, in request order, each built when it is read. A key
   * asked twice is read once: a set of the keys read so far (references to the caller's own keys)
   * tells, unless {@code keys} is a {@link Set} already.
   */
  public ChunkReader<ContentKey> chunks(Collection<ContentKey> keys) {
    return new ChunkReader<>(
        keys.iterator(),
        this::entry,
        (key, position) -> BatchEntry.unsent(key, null),
        BatchEntry.READ_CHUNK,
        ChunkReader.Duplicates.FIRST_WINS,
        keys instanceof Set<?> ? null : new HashSet<>(),
        keys.size());
  }

  private BatchEntry entry(@Nullable ContentKey key, int position) {
    if (key == null) {
      throw new InvalidCommandException(
          "keys[" + position + "] is null; pass the ContentKey of each item to read");
    }
    Map<String, AttributeValue> raw = codec.key(key);
    return new BatchEntry(codec.identity(raw), key, null, raw, null, null);
  }

  /** The reading of one chunk, from its first request to its last. */
  public BatchReads<T> reads(List<BatchEntry> chunk) {
    return new BatchReads<>(table, codec, chunk);
  }

  /** Asks for the keys still pending; the caller hands the response to {@link BatchReads}. */
  public BatchGetItemResponse read(DynamoDbClient client, BatchReads<T> reads) {
    return client.batchGetItem(reads.request(consistentReads));
  }

  /** Asks for the keys still pending; the caller hands the response to {@link BatchReads}. */
  public CompletableFuture<BatchGetItemResponse> read(
      DynamoDbAsyncClient client, BatchReads<T> reads) {
    return client.batchGetItem(reads.request(consistentReads));
  }
}
