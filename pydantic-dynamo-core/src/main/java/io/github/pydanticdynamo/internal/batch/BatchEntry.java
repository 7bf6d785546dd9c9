package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One put, delete or read of one key in a batch, with what it came from. */
public record BatchEntry(
    String identity, // the raw key, to match DynamoDB's unprocessed lists
    ContentKey key,
    @Nullable Map<String, AttributeValue> item, // a put's mapped item, else null
    Map<String, AttributeValue> rawKey, // the key attributes (a put's item holds them)
    @Nullable PartitionedContent<?> content, // what a put stores, else null
    @Nullable Instant written) { // a put's batch write time, else null

  /** BatchWriteItem's limit of items per request. */
  public static final int WRITE_CHUNK = 25;

  /** BatchGetItem's limit of keys per request. */
  public static final int READ_CHUNK = 100;

  /** An entry that was never sent (read from the source after a batch stopped), for reports. */
  public static BatchEntry unsent(ContentKey key, @Nullable PartitionedContent<?> content) {
    return new BatchEntry("", key, null, Map.of(), content, null);
  }
}
