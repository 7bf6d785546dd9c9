package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** GetItem: one content by key, or the raw stored item an update failure is explained by. */
public final class GetItemOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final boolean consistentReads;

  GetItemOperation(String table, ItemCodec<T> codec, boolean consistentReads) {
    this.table = table;
    this.codec = codec;
    this.consistentReads = consistentReads;
  }

  public GetItemRequest request(Map<String, AttributeValue> key, boolean consistent) {
    GetItemRequest.Builder request =
        GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent);
    String projection = codec.projectionExpression();
    if (projection != null) {
      request
          .projectionExpression(projection)
          .expressionAttributeNames(codec.withProjectionNames(Map.of()));
    }
    return request.build();
  }

  /** The content of a response: empty when there is no item or it is expired and hidden. */
  public GetResponse<T> result(GetItemResponse response) {
    return response.hasItem() && !response.item().isEmpty()
        ? GetResponse.of(codec.read(response.item()))
        : GetResponse.empty();
  }

  public GetResponse<T> get(DynamoDbClient client, ContentKey key) {
    return result(client.getItem(request(codec.key(key), consistentReads)));
  }

  public CompletableFuture<GetResponse<T>> get(DynamoDbAsyncClient client, ContentKey key) {
    return client.getItem(request(codec.key(key), consistentReads)).thenApply(this::result);
  }

  /** The stored item's attributes as they are now, or null when there is none. */
  public @Nullable Map<String, AttributeValue> stored(
      DynamoDbClient client, Map<String, AttributeValue> key) {
    GetItemResponse response = client.getItem(request(key, true));
    return response.hasItem() ? response.item() : null;
  }

  /** The stored item's attributes as they are now, or null when there is none. */
  public CompletableFuture<@Nullable Map<String, AttributeValue>> stored(
      DynamoDbAsyncClient client, Map<String, AttributeValue> key) {
    return client
        .getItem(request(key, true))
        .thenApply(response -> response.hasItem() ? response.item() : null);
  }
}
