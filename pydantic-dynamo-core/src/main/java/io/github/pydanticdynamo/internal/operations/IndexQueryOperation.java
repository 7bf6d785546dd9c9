package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.internal.expressions.ExpressionContext;
import io.github.pydanticdynamo.internal.expressions.FilterExpressionBuilder;
import io.github.pydanticdynamo.internal.expressions.KeyConditionBuilder;
import io.github.pydanticdynamo.internal.expressions.KeyConditionBuilder.KeyCondition;
import io.github.pydanticdynamo.internal.item.IndexKeyCodec;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.paging.IndexPager;
import io.github.pydanticdynamo.internal.paging.IndexQueryPlan;
import io.github.pydanticdynamo.internal.paging.PageToken;
import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import io.github.pydanticdynamo.internal.paging.QueryPlan;
import io.github.pydanticdynamo.internal.paging.TokenSealer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Query of a secondary index: the plans of list and listBetween on one index (key counts, the
 * consistency a global index allows, tokens of this index only), and their pages.
 */
public final class IndexQueryOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final boolean consistentReads;
  private final TokenSealer sealer;

  IndexQueryOperation(
      String table, ItemCodec<T> codec, boolean consistentReads, TokenSealer sealer) {
    this.table = table;
    this.sealer = sealer;
    this.codec = codec;
    this.consistentReads = consistentReads;
  }

  /** The index of this name; an unknown name fails here, naming the indexes there are. */
  public SecondaryIndex index(String name) {
    return codec.indexKeys().get(name).index();
  }

  /** Everything in an index partition whose index content ids start with {@code prefix}. */
  public IndexQueryPlan list(
      String name,
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    IndexKeyCodec index = codec.indexKeys().get(name);
    String pk = partitionKey(index, partitionIds);
    List<String> prefixIds = contentIds(index, contentPrefix, "content prefix");
    String prefix = index.sortKey(prefixIds);
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition = keyConditions(index).beginsWith(ctx, pk, prefix);
    return plan(index, ctx, condition, pk, prefix, null, options);
  }

  /** Everything in an index partition between two index content ids, both included. */
  public IndexQueryPlan between(
      String name,
      @Nullable List<String> partitionIds,
      @Nullable List<String> start,
      @Nullable List<String> end,
      QueryOptions options) {
    IndexKeyCodec index = codec.indexKeys().get(name);
    List<String> low = contentIds(index, start, "start");
    List<String> high = contentIds(index, end, "end");
    if (low.equals(high)) {
      return list(name, partitionIds, low, options);
    }
    String pk = partitionKey(index, partitionIds);
    String lowKey = index.sortKey(low);
    String highKey = index.sortKey(high);
    if (QueryPlan.compareUtf8(lowKey, highKey) > 0) {
      throw new InvalidCommandException(
          "listBetween on index '"
              + name
              + "': start "
              + low
              + " sorts after end "
              + high
              + "; pass the lower bound first (use ascending(false) for descending order)");
    }
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition = keyConditions(index).between(ctx, pk, lowKey, highKey);
    return plan(index, ctx, condition, pk, lowKey, highKey, options);
  }

  private KeyConditionBuilder keyConditions(IndexKeyCodec index) {
    return new KeyConditionBuilder(partitionKeyName(index.index()), index.index().sortKey());
  }

  private String partitionKeyName(SecondaryIndex index) {
    return index.partitionKey() == null ? codec.partitionKeyName() : index.partitionKey();
  }

  /** A global index's partition key from its values, or a local index's: the table's. */
  private String partitionKey(IndexKeyCodec index, @Nullable List<String> partitionIds) {
    List<String> ids = ContentKey.of(partitionIds, null).partitionIds();
    SecondaryIndex declared = index.index();
    if (declared.isLocal()) {
      return codec.keys().partitionKey(ids);
    }
    if (ids.size() != declared.partitionIds().size()) {
      throw new InvalidCommandException(
          "index '"
              + declared.name()
              + "' is keyed by "
              + declared.partitionIds().size()
              + " partition id(s) "
              + declared.partitionIds()
              + ", not "
              + ids.size()
              + "; pass one value for each, in that order");
    }
    return index.partitionKey(ids);
  }

  private static List<String> contentIds(
      IndexKeyCodec index, @Nullable List<String> ids, String what) {
    List<String> checked = ContentKey.of(null, ids).contentIds();
    List<String> declared = index.index().contentIds();
    if (checked.size() > declared.size()) {
      throw new InvalidCommandException(
          "the "
              + what
              + " of index '"
              + index.index().name()
              + "' has "
              + checked.size()
              + " ids, but the index sorts by "
              + declared.size()
              + " "
              + declared
              + "; pass at most that many, in that order");
    }
    return checked;
  }

  private IndexQueryPlan plan(
      IndexKeyCodec index,
      ExpressionContext ctx,
      KeyCondition condition,
      String pk,
      String low,
      @Nullable String high,
      QueryOptions options) {
    SecondaryIndex declared = index.index();
    boolean consistent;
    if (declared.isLocal()) {
      consistent = options.consistentRead() != null ? options.consistentRead() : consistentReads;
    } else {
      if (Boolean.TRUE.equals(options.consistentRead())) {
        throw new InvalidCommandException(
            "index '"
                + declared.name()
                + "' is global, and DynamoDB reads global indexes only eventually consistently;"
                + " leave consistentRead unset or false (a local index, or the table, can be read"
                + " consistently)");
      }
      consistent = false; // a consistent repository still reads global indexes eventually
    }
    String filter = FilterExpressionBuilder.build(options.filter(), codec.filterMapper(), ctx);
    List<String> binding =
        high == null
            ? List.of("index query", table, declared.name(), pk, "begins_with", low)
            : List.of("index query", table, declared.name(), pk, "between", low, high);
    String issuer =
        "this query of index "
            + declared.name()
            + " in table "
            + table
            + " (same partition, content type and range)";
    List<String> keyNames = keyNames(declared);
    Map<String, String> start = null;
    if (options.startToken() != null) {
      start =
          checkedStart(
              options.startToken(), binding, issuer, keyNames, declared, pk, low, high, sealer);
    }
    QueryRequest template =
        QueryRequest.builder()
            .tableName(table)
            .indexName(declared.name())
            .keyConditionExpression(condition.expression())
            .filterExpression(filter)
            .expressionAttributeNames(codec.withProjectionNames(ctx.names()))
            .projectionExpression(codec.projectionExpression())
            .expressionAttributeValues(ctx.values())
            .scanIndexForward(options.ascending())
            .consistentRead(consistent)
            .build();
    return new IndexQueryPlan(
        template,
        sealer,
        binding,
        keyNames,
        start,
        options.limit(),
        options.pageSize(),
        filter != null);
  }

  private List<String> keyNames(SecondaryIndex index) {
    List<String> names = new ArrayList<>(4);
    names.add(codec.partitionKeyName());
    names.add(codec.sortKeyName());
    if (index.partitionKey() != null) {
      names.add(index.partitionKey());
    }
    names.add(index.sortKey());
    return names;
  }

  /** The token's key, when this query can have produced it (same index, partition and range). */
  private static Map<String, String> checkedStart(
      String token,
      List<String> binding,
      String issuer,
      List<String> keyNames,
      SecondaryIndex index,
      String pk,
      String low,
      @Nullable String high,
      TokenSealer sealer) {
    Position position = PageToken.decode(token, sealer, binding, "index query", issuer).single();
    if (position == null
        || position.state() != PageToken.State.AT
        || !position.key().keySet().equals(new HashSet<>(keyNames))) {
      throw PageToken.invalid("index query", "it holds another kind of position");
    }
    Map<String, String> key = position.key();
    String partition =
        key.get(index.partitionKey() == null ? keyNames.get(0) : index.partitionKey());
    String sort = key.get(index.sortKey());
    boolean inside =
        pk.equals(partition)
            && (high == null
                ? sort.startsWith(low)
                : QueryPlan.compareUtf8(sort, low) >= 0 && QueryPlan.compareUtf8(sort, high) <= 0);
    if (!inside) {
      throw PageToken.invalid(
          "index query", "it belongs to another partition, content type or range");
    }
    return key;
  }

  /** A fresh walk of a plan's pages. */
  public IndexPager<T> pager(IndexQueryPlan plan) {
    return new IndexPager<>(codec, plan);
  }

  /** The next page of a walk. */
  public BatchResponse<T> page(DynamoDbClient client, IndexPager<T> pager) {
    return pager.accept(client.query(pager.nextRequest()));
  }

  /** The next page of a walk. */
  public CompletableFuture<BatchResponse<T>> page(DynamoDbAsyncClient client, IndexPager<T> pager) {
    return client.query(pager.nextRequest()).thenApply(pager::accept);
  }
}
