package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.VersionConflictException;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Kind;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Write;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * PutItem: a put, a put that only creates (a taken key answers false), a put at an expected
 * version; the conditional ones carry a write id for their exact outcome (see {@link ExactWrites}).
 */
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

  /** The put of a validated, checked item carrying {@code writeId}. */
  public PutItemRequest request(PartitionedContent<T> content, String writeId) {
    Map<String, AttributeValue> item = codec.item(content, codec.now());
    item.put(ItemCodec.WRITE_ID, AttributeValue.fromS(writeId));
    return PutItemRequest.builder().tableName(table).item(item).build();
  }

  /** A put that fails with ConditionalCheckFailedException when the key is taken. */
  public PutItemRequest createRequest(PartitionedContent<T> content, String writeId) {
    return request(content, writeId).toBuilder()
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

  /** putIfAbsent: true when written (also when its lost response is found to have landed). */
  public Write<PutItemRequest, PutItemResponse, Boolean> create(PartitionedContent<T> content) {
    String writeId = ExactWrites.newWriteId(Kind.CREATE);
    PutItemRequest request = createRequest(content, writeId);
    return new Write<>(
        "putIfAbsent",
        content.key(),
        codec.keyAttributes(request.item()),
        codec.partitionKeyName(),
        writeId,
        true,
        true,
        request,
        ExactWrites::guard,
        response -> true,
        stored -> true);
  }

  /** A conditional put (its condition already joined), answering nothing. */
  public Write<PutItemRequest, PutItemResponse, Boolean> conditional(
      ContentKey key, PutItemRequest request) {
    String writeId = request.item().get(ItemCodec.WRITE_ID).s();
    return new Write<>(
        "put",
        key,
        codec.keyAttributes(request.item()),
        codec.partitionKeyName(),
        writeId,
        true,
        true,
        request,
        ExactWrites::guard,
        response -> true,
        stored -> true);
  }

  /**
   * putIfVersion: writes {@code content} at version {@code expected + 1} when the stored item is at
   * {@code expected} (0: when there is none); answers the content as written.
   */
  public Write<PutItemRequest, PutItemResponse, PartitionedContent<T>> ifVersion(
      PartitionedContent<T> content, long expected) {
    if (expected < 0) {
      throw new InvalidCommandException(
          "expectedVersion "
              + expected
              + " is not a version; pass 0 to create an absent item, or the version read");
    }
    PartitionedContent<T> written = content.withVersion(expected + 1);
    String writeId = ExactWrites.newWriteId(expected == 0 ? Kind.CREATE : Kind.REPLACE);
    PutItemRequest.Builder builder = request(written, writeId).toBuilder();
    Map<String, String> names = new HashMap<>(4);
    names.put("#pk", codec.partitionKeyName());
    if (expected == 0) {
      builder.conditionExpression("attribute_not_exists(#pk)");
    } else {
      names.put("#v", ItemCodec.VERSION);
      String check = "#v = :v";
      if (expected == 1) { // an item written without a version reads as version 1
        check = "(" + check + " OR attribute_not_exists(#v))";
      }
      builder
          .conditionExpression("attribute_exists(#pk) AND " + check)
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
    }
    PutItemRequest request = builder.expressionAttributeNames(names).build();
    return new Write<>(
        "putIfVersion",
        content.key(),
        codec.keyAttributes(request.item()),
        codec.partitionKeyName(),
        writeId,
        true,
        true,
        request,
        ExactWrites::guard,
        response -> written,
        stored -> written);
  }

  /** Why a putIfVersion was refused, given the item stored after the refusal (or null). */
  public RuntimeException versionFailure(
      ContentKey key,
      long expected,
      @Nullable Map<String, AttributeValue> stored,
      Throwable cause) {
    boolean exists = stored != null && !stored.isEmpty();
    RuntimeException failure;
    if (!exists && expected > 0) {
      failure =
          new ItemNotFoundException(
              key,
              "no item "
                  + key
                  + " in table "
                  + table
                  + " to replace at version "
                  + expected
                  + "; it was deleted, or pass 0 to create it");
    } else if (exists && ItemCodec.version(stored) != expected) {
      long storedVersion = ItemCodec.version(stored);
      failure =
          new VersionConflictException(
              key,
              expected,
              OptionalLong.of(storedVersion),
              expected == 0
                  ? "item "
                      + key
                      + " already exists at version "
                      + storedVersion
                      + ", not absent as expected; read it and decide whether to replace it at"
                      + " its version"
                  : "item "
                      + key
                      + " is at version "
                      + storedVersion
                      + ", not the expected "
                      + expected
                      + "; read it again and decide whether to write at its current version");
    } else {
      failure =
          new RequestObjectStateException(
              "item "
                  + key
                  + " changed while it was written (a concurrent writer); read it again and retry",
              cause);
    }
    if (failure.getCause() == null) {
      failure.initCause(cause);
    }
    return failure;
  }
}
