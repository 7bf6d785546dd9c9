package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.VersionConflictException;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Write;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** DeleteItem: one item by its exact key, optionally version-checked, and its failures' meaning. */
public final class DeleteItemOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;

  DeleteItemOperation(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /** The delete of one key, returning the old item; checked before any I/O. */
  public DeleteItemRequest request(ContentKey key) {
    return DeleteItemRequest.builder()
        .tableName(table)
        .key(codec.key(key))
        .returnValues(ReturnValue.ALL_OLD)
        .build();
  }

  /** The delete of one key, only when it exists and is at {@code expected}. */
  public DeleteItemRequest request(ContentKey key, long expected) {
    if (expected < 1) {
      throw new InvalidCommandException(
          "currentVersion " + expected + " is not a version; versions start at 1");
    }
    Map<String, String> names = new HashMap<>(4);
    names.put("#pk", codec.partitionKeyName());
    names.put("#v", ItemCodec.VERSION);
    String check = "#v = :v";
    if (expected == 1) { // an item written without a version reads as version 1
      check = "(" + check + " OR attribute_not_exists(#v))";
    }
    return request(key).toBuilder()
        .conditionExpression("attribute_exists(#pk) AND " + check)
        .expressionAttributeNames(names)
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))))
        .build();
  }

  /** The deleted content, read even when it had expired; null when there was no item. */
  public @Nullable PartitionedContent<T> result(DeleteItemResponse response) {
    if (!response.hasAttributes() || response.attributes().isEmpty()) {
      return null;
    }
    Map<String, AttributeValue> old = response.attributes();
    ContentKey key = codec.keyOf(old);
    PartitionedContent<T> content = codec.read(old);
    return content != null
        ? content
        : new PartitionedContent<>(
            key.partitionIds(),
            key.contentIds(),
            codec.mapper().fromAttributes(old),
            ItemCodec.version(old),
            null);
  }

  /**
   * The delete as a write with an exact outcome: after a lost response it is sent again only over a
   * stored item (whose old content the resend returns); a missing item is an unknown outcome, as
   * "deleted by this call" cannot be told from "already gone".
   */
  public Write<DeleteItemRequest, DeleteItemResponse, Optional<PartitionedContent<T>>> write(
      ContentKey key, DeleteItemRequest request) {
    return new Write<>(
        "deleteItem",
        key,
        request.key(),
        codec.partitionKeyName(),
        null,
        true,
        false,
        request,
        ExactWrites::guard,
        response -> Optional.ofNullable(result(response)),
        stored ->
            Optional.ofNullable(result(DeleteItemResponse.builder().attributes(stored).build())));
  }

  public @Nullable PartitionedContent<T> delete(DynamoDbClient client, DeleteItemRequest request) {
    return result(client.deleteItem(request));
  }

  public CompletableFuture<@Nullable PartitionedContent<T>> delete(
      DynamoDbAsyncClient client, DeleteItemRequest request) {
    return client.deleteItem(request).thenApply(this::result);
  }

  /** Translates a failed version check, given the item stored after it (or null). */
  public RuntimeException conditionFailure(
      ContentKey key,
      long expected,
      @Nullable Map<String, AttributeValue> stored,
      ConditionalCheckFailedException cause) {
    RuntimeException failure;
    if (stored == null || stored.isEmpty()) {
      failure =
          new ItemNotFoundException(
              key,
              "no item "
                  + key
                  + " in table "
                  + table
                  + " to delete at version "
                  + expected
                  + "; it was never written or is already deleted");
    } else if (ItemCodec.version(stored) != expected) {
      long storedVersion = ItemCodec.version(stored);
      failure =
          new VersionConflictException(
              key,
              expected,
              OptionalLong.of(storedVersion),
              "item "
                  + key
                  + " is at version "
                  + storedVersion
                  + ", not the expected "
                  + expected
                  + "; read it again and delete it at its current version if it still should go");
    } else {
      failure =
          new RequestObjectStateException(
              "item "
                  + key
                  + " was replaced while it was deleted (a concurrent writer); read it again and"
                  + " retry the delete",
              cause);
    }
    if (failure.getCause() == null) {
      failure.initCause(cause);
    }
    return failure;
  }
}
