package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.internal.expressions.ExpressionContext;
import io.github.pydanticdynamo.internal.expressions.FilterExpressionBuilder;
import io.github.pydanticdynamo.internal.expressions.KeyConditionBuilder;
import io.github.pydanticdynamo.internal.expressions.KeyConditionBuilder.KeyCondition;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.item.KeyCodec;
import io.github.pydanticdynamo.internal.paging.ContinuationToken;
import io.github.pydanticdynamo.internal.paging.QueryPager;
import io.github.pydanticdynamo.internal.paging.QueryPlan;
import io.github.pydanticdynamo.internal.paging.TokenSealer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query: the plans of list and listBetween, their pages, and the keys-only walk of a delete. */
public final class QueryOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final KeyCodec keyCodec;
  private final KeyConditionBuilder keyConditions;
  private final boolean consistentReads;
  private final TokenSealer sealer;

  QueryOperation(String table, ItemCodec<T> codec, boolean consistentReads, TokenSealer sealer) {
    this.table = table;
    this.sealer = sealer;
    this.codec = codec;
    this.keyCodec = codec.keys();
    this.keyConditions = new KeyConditionBuilder(codec.partitionKeyName(), codec.sortKeyName());
    this.consistentReads = consistentReads;
  }

  /** Everything in a partition whose content ids start with {@code contentPrefix}. */
  public QueryPlan list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    String pk = partitionKey(partitionIds);
    String prefix = sortKeyPrefix(contentPrefix);
    ExpressionContext ctx = new ExpressionContext();
    return plan(ctx, keyConditions.beginsWith(ctx, pk, prefix), pk, prefix, null, options);
  }

  /** Everything in a partition between two content ids, both included. */
  public QueryPlan between(
      @Nullable List<String> partitionIds,
      @Nullable List<String> start,
      @Nullable List<String> end,
      QueryOptions options) {
    List<String> low = ContentKey.of(null, start).contentIds();
    List<String> high = ContentKey.of(null, end).contentIds();
    if (low.equals(high)) {
      return list(partitionIds, low, options);
    }
    String pk = partitionKey(partitionIds);
    String lowKey = keyCodec.sortKey(low);
    String highKey = keyCodec.sortKey(high);
    if (QueryPlan.compareUtf8(lowKey, highKey) > 0) {
      throw new InvalidCommandException(
          "listBetween start "
              + low
              + " sorts after end "
              + high
              + "; pass the lower bound first (use ascending(false) for descending order)");
    }
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition = keyConditions.between(ctx, pk, lowKey, highKey);
    return plan(ctx, condition, pk, lowKey, highKey, options);
  }

  /** A keys-only query of everything under a prefix, for delete. */
  public QueryRequest keys(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition =
        keyConditions.beginsWith(ctx, partitionKey(partitionIds), sortKeyPrefix(contentPrefix));
    return request(ctx, condition, null, QueryOptions.defaults())
        .select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression(condition.keyProjection())
        .build();
  }

  private String partitionKey(@Nullable List<String> partitionIds) {
    return keyCodec.partitionKey(ContentKey.of(partitionIds, null).partitionIds());
  }

  private String sortKeyPrefix(@Nullable List<String> contentPrefix) {
    return keyCodec.sortKey(ContentKey.of(null, contentPrefix).contentIds());
  }

  private QueryPlan plan(
      ExpressionContext ctx,
      KeyCondition condition,
      String pk,
      String low,
      @Nullable String high,
      QueryOptions options) {
    String filter = FilterExpressionBuilder.build(options.filter(), codec.filterMapper(), ctx);
    List<String> binding = QueryPlan.binding(table, pk, low, high);
    ContinuationToken start = null;
    if (options.startToken() != null) {
      start =
          ContinuationToken.decode(
              options.startToken(),
              sealer,
              binding,
              "this list or listBetween (same table, partition, content type and range)");
      QueryPlan.checkToken(start, pk, low, high);
    }
    return new QueryPlan(
        request(ctx, condition, filter, options).build(),
        codec.partitionKeyName(),
        codec.sortKeyName(),
        pk,
        low,
        high,
        options.limit(),
        options.pageSize(),
        filter != null,
        start,
        sealer,
        binding);
  }

  private QueryRequest.Builder request(
      ExpressionContext ctx,
      KeyCondition condition,
      @Nullable String filter,
      QueryOptions options) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression(condition.expression())
        .filterExpression(filter)
        .expressionAttributeNames(codec.withProjectionNames(ctx.names()))
        .projectionExpression(codec.projectionExpression())
        .expressionAttributeValues(ctx.values())
        .scanIndexForward(options.ascending())
        .consistentRead(
            options.consistentRead() != null ? options.consistentRead() : consistentReads);
  }

  /** The sealer of this repository's tokens. */
  public TokenSealer sealer() {
    return sealer;
  }

  /** A fresh walk of a plan's pages. */
  public QueryPager<T> pager(QueryPlan plan) {
    return new QueryPager<>(codec, plan);
  }

  /** The next page of a walk. */
  public BatchResponse<T> page(DynamoDbClient client, QueryPager<T> pager) {
    return pager.accept(client.query(pager.nextRequest()));
  }

  /** The next page of a walk. */
  public CompletableFuture<BatchResponse<T>> page(DynamoDbAsyncClient client, QueryPager<T> pager) {
    return client.query(pager.nextRequest()).thenApply(pager::accept);
  }

  /** One page of a keys-only query, from {@code start} (null for the first). */
  public QueryResponse keysPage(
      DynamoDbClient client, QueryRequest query, @Nullable Map<String, AttributeValue> start) {
    return client.query(from(query, start));
  }

  /** One page of a keys-only query, from {@code start} (null for the first). */
  public CompletableFuture<QueryResponse> keysPage(
      DynamoDbAsyncClient client, QueryRequest query, @Nullable Map<String, AttributeValue> start) {
    return client.query(from(query, start));
  }

  private static QueryRequest from(
      QueryRequest query, @Nullable Map<String, AttributeValue> start) {
    return start == null ? query : query.toBuilder().exclusiveStartKey(start).build();
  }
}
