package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.ScanOptions;
import io.github.pydanticdynamo.internal.expressions.ExpressionContext;
import io.github.pydanticdynamo.internal.expressions.FilterExpressionBuilder;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.paging.PageToken;
import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import io.github.pydanticdynamo.internal.paging.PageToken.State;
import io.github.pydanticdynamo.internal.paging.ScanPager;
import io.github.pydanticdynamo.internal.paging.ScanPlan;
import io.github.pydanticdynamo.internal.paging.TokenSealer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Scan: the plan of a scan of this repository's items (other types sharing the table are skipped by
 * the engine, with a filter on the key prefixes), and its pages.
 */
public final class ScanOperation<T> {
  private final String table;
  private final ItemCodec<T> codec;
  private final boolean consistentReads;
  private final int defaultConcurrency;
  private final TokenSealer sealer;

  ScanOperation(
      String table,
      ItemCodec<T> codec,
      boolean consistentReads,
      int defaultConcurrency,
      TokenSealer sealer) {
    this.table = table;
    this.sealer = sealer;
    this.codec = codec;
    this.consistentReads = consistentReads;
    this.defaultConcurrency = defaultConcurrency;
  }

  /** The plan of a scan; bad options, filters or tokens fail here, before any request. */
  public ScanPlan plan(ScanOptions options) {
    ExpressionContext ctx = new ExpressionContext();
    String partitionHead = codec.keys().partitionKey(List.of());
    String sortHead = codec.keys().sortHead();
    String ownItems =
        "begins_with("
            + ctx.name(codec.partitionKeyName())
            + ", "
            + ctx.value(AttributeValue.fromS(partitionHead))
            + ") AND begins_with("
            + ctx.name(codec.sortKeyName())
            + ", "
            + ctx.value(AttributeValue.fromS(sortHead))
            + ")";
    String filter = FilterExpressionBuilder.build(options.filter(), codec.filterMapper(), ctx);
    ScanRequest template =
        ScanRequest.builder()
            .tableName(table)
            .filterExpression(filter == null ? ownItems : ownItems + " AND " + filter)
            .expressionAttributeNames(codec.withProjectionNames(ctx.names()))
            .projectionExpression(codec.projectionExpression())
            .expressionAttributeValues(ctx.values())
            .consistentRead(
                options.consistentRead() != null ? options.consistentRead() : consistentReads)
            .build();
    int total = options.totalSegments();
    List<Integer> segments = options.segment() != null ? List.of(options.segment()) : range(total);
    String scope =
        "a scan of "
            + codec.keys().sortHead()
            + " items in table "
            + table
            + (options.segment() != null
                ? ", segment " + options.segment() + " of " + total
                : total > 1 ? ", " + total + " segments in parallel" : "");
    List<Position> start;
    if (options.startToken() != null) {
      PageToken token =
          PageToken.decode(options.startToken(), sealer, List.of("scan", scope), "scan", scope);
      start = checked(token, segments);
    } else {
      start = Collections.nCopies(segments.size(), Position.NOT_STARTED);
    }
    int concurrency =
        options.maxConcurrency() != null
            ? options.maxConcurrency()
            : Math.max(1, Math.min(segments.size(), defaultConcurrency));
    return new ScanPlan(
        template,
        sealer,
        List.of("scan", scope),
        total,
        segments,
        start,
        options.limit(),
        options.pageSize(),
        Math.min(concurrency, segments.size()));
  }

  private static List<Integer> range(int total) {
    List<Integer> all = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      all.add(i);
    }
    return all;
  }

  /** The token's positions, when they are positions of this repository's items. */
  private List<Position> checked(PageToken token, List<Integer> segments) {
    if (token.positions().size() != segments.size()) {
      throw PageToken.invalid("scan", "it holds another number of segments");
    }
    Set<String> keyNames = Set.of(codec.partitionKeyName(), codec.sortKeyName());
    String partitionHead = codec.keys().partitionKey(List.of());
    for (Position position : token.positions()) {
      if (position.state() != State.AT) {
        continue;
      }
      Map<String, String> key = position.key();
      if (!key.keySet().equals(keyNames)
          || !key.get(codec.partitionKeyName()).startsWith(partitionHead)
          || !key.get(codec.sortKeyName()).startsWith(codec.keys().sortHead())) {
        throw PageToken.invalid("scan", "it names a key outside this repository's items");
      }
    }
    return token.positions();
  }

  /** A fresh walk of a plan's pages. */
  public ScanPager<T> pager(ScanPlan plan) {
    return new ScanPager<>(codec, plan);
  }

  /** One page of one segment. */
  public ScanResponse page(DynamoDbClient client, ScanRequest request) {
    return client.scan(request);
  }

  /** One page of one segment. */
  public CompletableFuture<ScanResponse> page(DynamoDbAsyncClient client, ScanRequest request) {
    return client.scan(request);
  }
}
