package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  /** The read chunks of up to 100 distinct keys, in request order. */
  public List<List<BatchEntry>> chunks(Collection<ContentKey> keys) {
    List<BatchEntry> entries = new ArrayList<>(keys.size());
    for (ContentKey key : keys) {
      Map<String, AttributeValue> raw = codec.key(key);
      entries.add(new BatchEntry(codec.identity(raw), key, null, raw, null, null));
    }
    return BatchEntry.chunks(BatchEntry.firstWins(entries), BatchEntry.READ_CHUNK);
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
