package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.VersionConflictException;
import io.github.pydanticdynamo.internal.expressions.UpdateExpressionBuilder;
import io.github.pydanticdynamo.internal.expressions.UpdatePlan;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Kind;
import io.github.pydanticdynamo.internal.operations.ExactWrites.Write;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem: the request, its result, the re-render for a stored state, its failures' meaning. */
public final class UpdateItemOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;

  UpdateItemOperation(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /** What to render differently for a stored state one expression cannot handle. */
  public record StateAdjustments(Set<String> createMaps, Set<String> nullTargets) {
    /** Nothing to adjust: the first rendering. */
    public static final StateAdjustments NONE = new StateAdjustments(Set.of(), Set.of());

    public boolean isEmpty() {
      return createMaps.isEmpty() && nullTargets.isEmpty();
    }
  }

  /** The UpdateItem request; a command that does not fit the model fails here, before any I/O. */
  public UpdateItemRequest request(
      ContentKey key, UpdateCommand command, StateAdjustments adjustments) {
    // An update that may create the item is a write: its ids must read back unchanged.
    Map<String, AttributeValue> raw =
        command.requireExists() ? codec.key(key) : codec.writeKey(key);
    String writeId = ExactWrites.newWriteId(Kind.UPDATE);
    UpdatePlan plan =
        UpdateExpressionBuilder.render(
            command,
            codec.mapper(),
            codec.partitionKeyName(),
            codec.now(),
            adjustments.createMaps(),
            adjustments.nullTargets(),
            writeId);
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(raw)
            .updateExpression(plan.updateExpression())
            .conditionExpression(plan.conditionExpression())
            .expressionAttributeNames(plan.names())
            .expressionAttributeValues(plan.values())
            .returnValues(ReturnValue.ALL_NEW)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build();
    return IndexKeyUpdate.apply(request, command, codec);
  }

  /** The write id an update sets: the value of its {@code #nK = :vM} for {@code _write_id}. */
  private static String writeIdOf(UpdateItemRequest request) {
    String expression = request.updateExpression();
    for (Map.Entry<String, String> entry : request.expressionAttributeNames().entrySet()) {
      if (entry.getValue().equals(ItemCodec.WRITE_ID)) {
        String assignment = entry.getKey() + " = :";
        int at = expression.indexOf(assignment);
        if (at >= 0) {
          int start = at + assignment.length() - 1;
          int end = start + 1;
          while (end < expression.length()
              && (Character.isLetterOrDigit(expression.charAt(end))
                  || expression.charAt(end) == '_')) {
            end++;
          }
          AttributeValue id =
              request.expressionAttributeValues().get(expression.substring(start, end));
          if (id != null && id.s() != null) {
            return id.s();
          }
        }
      }
    }
    throw new IllegalStateException("an update rendered without its write id");
  }

  /**
   * The update as a write with an exact outcome. It is sent again after a lost response only when
   * that cannot apply it twice: it is version-checked, or it only sets, merges and removes.
   */
  public Write<UpdateItemRequest, UpdateItemResponse, PartitionedContent<T>> write(
      ContentKey key, UpdateCommand command, UpdateItemRequest request) {
    boolean blind =
        command.actions().stream()
            .anyMatch(
                a -> a instanceof UpdateCommand.Increment || a instanceof UpdateCommand.Append);
    boolean resendable = command.currentVersion().isPresent() || !blind;
    return new Write<>(
        "update",
        key,
        request.key(),
        codec.partitionKeyName(),
        writeIdOf(request),
        resendable,
        !command.requireExists(),
        request,
        ExactWrites::guard,
        this::result,
        stored -> result(UpdateItemResponse.builder().attributes(stored).build()));
  }

  public PartitionedContent<T> update(DynamoDbClient client, UpdateItemRequest request) {
    return result(client.updateItem(request));
  }

  public CompletableFuture<PartitionedContent<T>> update(
      DynamoDbAsyncClient client, UpdateItemRequest request) {
    return client.updateItem(request).thenApply(this::result);
  }

  /** The updated content from an ALL_NEW response; returned even when it is expired. */
  public PartitionedContent<T> result(UpdateItemResponse response) {
    Map<String, AttributeValue> attributes = response.attributes();
    PartitionedContent<T> content = codec.read(attributes);
    if (content == null) { // expired but just updated: still return it
      ContentKey key = codec.keyOf(attributes);
      return new PartitionedContent<>(
          key.partitionIds(),
          key.contentIds(),
          codec.mapper().fromAttributes(attributes),
          ItemCodec.version(attributes),
          null);
    }
    return content;
  }

  /**
   * Whether an update failed because of the stored state (a missing or NULL map to merge into, a
   * NULL increment/append target) and may succeed once rendered for that state.
   */
  public static boolean isStateValidationError(@Nullable Throwable error) {
    if (!(error instanceof DynamoDbException e) || e instanceof ConditionalCheckFailedException) {
      return false;
    }
    String message =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return message != null
        && (message.contains("document path provided in the update expression is invalid")
            || message.contains("incorrect data type"));
  }

  /** The merge and increment/append targets that need the state-specific rendering. */
  public StateAdjustments adjustmentsFor(
      UpdateCommand command, @Nullable Map<String, AttributeValue> stored) {
    Set<String> createMaps = new HashSet<>();
    Set<String> nullTargets = new HashSet<>();
    for (UpdateCommand.Action action : command.actions()) {
      AttributePath path = codec.mapper().schema().resolve(action.path());
      AttributeValue current = stored == null ? null : valueAt(stored, path.segments());
      boolean absentOrNull = current == null || Boolean.TRUE.equals(current.nul());
      if (action instanceof UpdateCommand.Merge && absentOrNull) {
        createMaps.add(path.dotted());
      } else if ((action instanceof UpdateCommand.Increment
              || action instanceof UpdateCommand.Append)
          && current != null
          && Boolean.TRUE.equals(current.nul())) {
        nullTargets.add(path.dotted());
      }
    }
    return new StateAdjustments(createMaps, nullTargets);
  }

  private static @Nullable AttributeValue valueAt(
      Map<String, AttributeValue> item, List<String> path) {
    AttributeValue current = item.get(path.get(0));
    for (int i = 1; i < path.size() && current != null; i++) {
      current = current.hasM() ? current.m().get(path.get(i)) : null;
    }
    return current;
  }

  /** Translates a failed condition into the specific exception, given the stored item (or null). */
  public RuntimeException conditionFailure(
      ContentKey key,
      UpdateCommand command,
      @Nullable Map<String, AttributeValue> stored,
      ConditionalCheckFailedException cause) {
    if (stored == null || stored.isEmpty()) {
      if (command.requireExists()) {
        ItemNotFoundException missing =
            new ItemNotFoundException(
                key,
                "no item "
                    + key
                    + " in table "
                    + table
                    + " to update; put it first, or use requireExists(false) to create it");
        missing.initCause(cause);
        return missing;
      }
    }
    long storedVersion = ItemCodec.version(stored);
    if (command.currentVersion().isPresent()
        && (stored == null
            || stored.isEmpty()
            || storedVersion != command.currentVersion().getAsLong())) {
      long expected = command.currentVersion().getAsLong();
      OptionalLong known =
          stored == null || stored.isEmpty()
              ? OptionalLong.empty()
              : OptionalLong.of(storedVersion);
      VersionConflictException conflict =
          new VersionConflictException(
              key,
              expected,
              known,
              "item "
                  + key
                  + " is at version "
                  + (known.isPresent() ? Long.toString(known.getAsLong()) : "(missing)")
                  + ", not the expected "
                  + expected
                  + "; read it again and retry with its current version");
      conflict.initCause(cause);
      return conflict;
    }
    return new RequestObjectStateException(
        "item "
            + key
            + " changed while it was updated (a concurrent writer created or replaced a merged"
            + " map); retry the update",
        cause);
  }
}
