package io.github.pydanticdynamo.internal.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A validated query: its request without paging, and the bounds a continuation token must fit. */
public record QueryPlan(
    QueryRequest template, // without Limit and ExclusiveStartKey
    String partitionKeyName,
    String sortKeyName,
    String partitionKey,
    String low, // the lowest sort key the query can return (the prefix of begins_with)
    @Nullable String high, // the highest for BETWEEN, null for a prefix query
    @Nullable Integer limit, // the exact cap on returned items
    @Nullable Integer pageSize, // DynamoDB's Limit per request
    boolean filtered, // whether a filter expression applies
    @Nullable ContinuationToken start,
    TokenSealer sealer, // seals the tokens of its pages
    List<String> binding) { // what its tokens are bound to: see binding(...)

  public QueryPlan {
    binding = List.copyOf(binding);
  }

  /** What a table query's tokens are bound to: the table, partition and range (type included). */
  public static List<String> binding(
      String table, String partitionKey, String low, @Nullable String high) {
    return high == null
        ? List.of("query", table, partitionKey, "begins_with", low)
        : List.of("query", table, partitionKey, "between", low, high);
  }

  /** Rejects a token whose position this query cannot have produced. */
  public static void checkToken(
      ContinuationToken token, String partitionKey, String low, @Nullable String high) {
    boolean inside =
        token.partitionKey().equals(partitionKey)
            && (high == null
                ? token.sortKey().startsWith(low)
                : compareUtf8(token.sortKey(), low) >= 0
                    && compareUtf8(token.sortKey(), high) <= 0);
    if (!inside) {
      throw TokenSealer.invalid("query", "it belongs to another partition, content type or range");
    }
  }

  /** DynamoDB orders string keys by their UTF-8 bytes. */
  public static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The exclusive start key of a position. */
  Map<String, AttributeValue> startKey(ContinuationToken token) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put(partitionKeyName, AttributeValue.fromS(token.partitionKey()));
    key.put(sortKeyName, AttributeValue.fromS(token.sortKey()));
    return key;
  }
}
