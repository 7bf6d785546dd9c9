package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.internal.batch.BatchRetry;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** PutItem: a put, or a put that only creates (a taken key answers false). */
public final class PutItemOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;

  PutItemOperation(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /** The put of a validated, checked item. */
  public PutItemRequest request(PartitionedContent<T> content) {
    return PutItemRequest.builder().tableName(table).item(codec.item(content, codec.now())).build();
  }

  /** A put that fails with ConditionalCheckFailedException when the key is taken. */
  public PutItemRequest createRequest(PartitionedContent<T> content) {
    return request(content).toBuilder()
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", codec.partitionKeyName()))
        .build();
  }

  public void put(DynamoDbClient client, PartitionedContent<T> content) {
    client.putItem(request(content));
  }

  public CompletableFuture<Void> put(DynamoDbAsyncClient client, PartitionedContent<T> content) {
    return client.putItem(request(content)).thenApply(response -> null);
  }

  /** Whether the item was created: false when its key was taken. */
  public boolean putIfAbsent(DynamoDbClient client, PartitionedContent<T> content) {
    try {
      client.putItem(createRequest(content));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Whether the item was created: false when its key was taken. */
  public CompletableFuture<Boolean> putIfAbsent(
      DynamoDbAsyncClient client, PartitionedContent<T> content) {
    return client
        .putItem(createRequest(content))
        .thenApply(response -> true)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              return cause instanceof ConditionalCheckFailedException
                  ? CompletableFuture.completedFuture(false)
                  : CompletableFuture.failedFuture(cause);
            });
  }
}
