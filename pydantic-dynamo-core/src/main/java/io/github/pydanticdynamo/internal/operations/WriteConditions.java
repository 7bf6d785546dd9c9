package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ConditionFailedException;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.FilterCommand.Condition;
import io.github.pydanticdynamo.FilterCommand.Operator;
import io.github.pydanticdynamo.internal.expressions.ConditionExpressionBuilder;
import io.github.pydanticdynamo.internal.expressions.ConditionExpressionBuilder.Rendered;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The caller's condition on a put or update: joined to the request, and, after DynamoDB refused the
 * write, which of its clauses failed. DynamoDB reports only that the condition failed (and the
 * local engine ignores ReturnValuesOnConditionCheckFailure), so each clause is asked of the stored
 * item again by the engine itself: a consistent query of the item's exact key with that clause as
 * its filter, which evaluates the clause exactly as the condition did, with no second evaluator.
 */
public final class WriteConditions<T> {
  private final String table;
  private final ItemCodec<T> codec;

  WriteConditions(String table, ItemCodec<T> codec) {
    this.table = table;
    this.codec = codec;
  }

  /** The put with the condition; a clause that does not fit the model fails here, before I/O. */
  public PutItemRequest put(PutItemRequest request, FilterCommand condition) {
    Rendered joined =
        ConditionExpressionBuilder.render(condition, codec.mapper())
            .and(
                request.conditionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues()
                    ? request.expressionAttributeValues()
                    : null);
    return request.toBuilder()
        .conditionExpression(joined.expression())
        .expressionAttributeNames(joined.names())
        .expressionAttributeValues(joined.values())
        .build();
  }

  /** Sends a conditional put. */
  public void send(DynamoDbClient client, PutItemRequest request) {
    client.putItem(request);
  }

  /** Sends a conditional put. */
  public CompletableFuture<Void> send(DynamoDbAsyncClient client, PutItemRequest request) {
    return client.putItem(request).thenApply(response -> null);
  }

  /** The update with the condition joined to its own (existence, version). */
  public UpdateItemRequest update(UpdateItemRequest request, FilterCommand condition) {
    Rendered joined =
        ConditionExpressionBuilder.render(condition, codec.mapper())
            .and(
                request.conditionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues()
                    ? request.expressionAttributeValues()
                    : null);
    return request.toBuilder()
        .conditionExpression(joined.expression())
        .expressionAttributeNames(joined.names())
        .expressionAttributeValues(joined.values())
        .build();
  }

  /** Which clauses failed: known without I/O, or to be asked of the engine clause by clause. */
  public record Diagnosis(@Nullable List<Boolean> known, List<QueryRequest> probes) {}

  /**
   * How to learn the failed clauses of a refused write, given the item stored after the refusal
   * (null when there is none).
   */
  public Diagnosis diagnose(
      FilterCommand condition,
      Map<String, AttributeValue> rawKey,
      @Nullable Map<String, AttributeValue> stored) {
    List<Condition> clauses = condition.conditions();
    if (stored == null || stored.isEmpty()) {
      // On a missing item every attribute is missing: only these comparisons hold.
      return new Diagnosis(
          clauses.stream()
              .map(
                  c -> c.operator() == Operator.NOT_EXISTS || c.operator() == Operator.NOT_EQUAL_TO)
              .toList(),
          List.of());
    }
    if (clauses.size() == 1) {
      return new Diagnosis(List.of(false), List.of());
    }
    List<QueryRequest> probes = new ArrayList<>(clauses.size());
    for (Condition clause : clauses) {
      probes.add(probe(clause, rawKey));
    }
    return new Diagnosis(null, probes);
  }

  /** A consistent count of the item under its exact key, filtered by one clause. */
  private QueryRequest probe(Condition clause, Map<String, AttributeValue> rawKey) {
    Rendered rendered = ConditionExpressionBuilder.clause(clause, codec.mapper());
    Map<String, String> names = new HashMap<>(rendered.names());
    names.put("#kp", codec.partitionKeyName());
    names.put("#ks", codec.sortKeyName());
    Map<String, AttributeValue> values = new HashMap<>(rendered.values());
    values.put(":kp", rawKey.get(codec.partitionKeyName()));
    values.put(":ks", rawKey.get(codec.sortKeyName()));
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("#kp = :kp AND #ks = :ks")
        .filterExpression(rendered.expression())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .select(Select.COUNT)
        .consistentRead(true)
        .build();
  }

  /** Whether each probed clause holds (the item matched its filter). */
  public static List<Boolean> holds(List<QueryResponse> responses) {
    return responses.stream().map(r -> r.count() != null && r.count() > 0).toList();
  }

  /** The exception for a refused write whose clauses were found to hold or not. */
  public ConditionFailedException failure(
      ContentKey key,
      FilterCommand condition,
      List<Boolean> holds,
      boolean itemExists,
      @Nullable Throwable cause) {
    List<Condition> failed = new ArrayList<>();
    for (int i = 0; i < holds.size(); i++) {
      if (!holds.get(i)) {
        failed.add(condition.conditions().get(i));
      }
    }
    boolean changed = failed.isEmpty();
    if (changed) {
      failed = condition.conditions();
    }
    String clauses =
        failed.stream().map(c -> c.operator() + " " + c.path()).collect(Collectors.joining(", "));
    String message =
        "the condition of the write to item "
            + key
            + " in table "
            + table
            + " did not hold, nothing was written: "
            + (changed
                ? "every clause held again when the item was read after the refusal (a concurrent"
                    + " writer changed it in between): "
                    + clauses
                : "failed " + clauses + (itemExists ? "" : " (there is no such item)"))
            + "; read the item again and decide whether to retry";
    return new ConditionFailedException(key, condition, failed, itemExists, message, cause);
  }

  /** Finds the failed clauses with the sync client. */
  public ConditionFailedException explain(
      DynamoDbClient client,
      ContentKey key,
      FilterCommand condition,
      Map<String, AttributeValue> rawKey,
      @Nullable Map<String, AttributeValue> stored,
      Throwable cause) {
    Diagnosis diagnosis = diagnose(condition, rawKey, stored);
    List<Boolean> holds = diagnosis.known();
    if (holds == null) {
      List<QueryResponse> responses = new ArrayList<>(diagnosis.probes().size());
      for (QueryRequest probe : diagnosis.probes()) {
        responses.add(client.query(probe));
      }
      holds = holds(responses);
    }
    return failure(key, condition, holds, stored != null && !stored.isEmpty(), cause);
  }

  /** Finds the failed clauses with the async client, one probe after another. */
  public CompletableFuture<ConditionFailedException> explain(
      DynamoDbAsyncClient client,
      ContentKey key,
      FilterCommand condition,
      Map<String, AttributeValue> rawKey,
      @Nullable Map<String, AttributeValue> stored,
      Throwable cause) {
    Diagnosis diagnosis = diagnose(condition, rawKey, stored);
    boolean exists = stored != null && !stored.isEmpty();
    if (diagnosis.known() != null) {
      return CompletableFuture.completedFuture(
          failure(key, condition, diagnosis.known(), exists, cause));
    }
    CompletableFuture<List<QueryResponse>> responses =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (QueryRequest probe : diagnosis.probes()) {
      responses =
          responses.thenCompose(
              list ->
                  client
                      .query(probe)
                      .thenApply(
                          response -> {
                            list.add(response);
                            return list;
                          }));
    }
    return responses.thenApply(list -> failure(key, condition, holds(list), exists, cause));
  }
}
