package io.github.pydanticdynamo.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A validated query: the request template without paging, and the bounds a continuation token must
 * fall in. Immutable; {@link QueryPager} walks its pages.
 *
 * @param template the request without Limit and ExclusiveStartKey
 * @param partitionKeyName the partition key attribute
 * @param sortKeyName the sort key attribute
 * @param partitionKey the partition key value
 * @param low the lowest sort key the query can return (a prefix for begins_with)
 * @param high the highest sort key for BETWEEN, or null for a prefix query
 * @param limit the exact cap on returned items, or null
 * @param pageSize DynamoDB's Limit per request, or null
 * @param filtered whether a filter expression applies
 * @param start where to resume, or null
 */
record QueryPlan(
    QueryRequest template,
    String partitionKeyName,
    String sortKeyName,
    String partitionKey,
    String low,
    @Nullable String high,
    @Nullable Integer limit,
    @Nullable Integer pageSize,
    boolean filtered,
    @Nullable ContinuationToken start) {

  /** Rejects a token whose position this query cannot have produced. */
  static void checkToken(
      ContinuationToken token,
      String token64,
      String partitionKey,
      String low,
      @Nullable String high) {
    boolean inside =
        token.partitionKey().equals(partitionKey)
            && (high == null
                ? token.sortKey().startsWith(low)
                : compareUtf8(token.sortKey(), low) >= 0
                    && compareUtf8(token.sortKey(), high) <= 0);
    if (!inside) {
      throw ContinuationToken.invalid(
          token64, "it belongs to another partition, content type or range");
    }
  }

  /** DynamoDB orders string keys by their UTF-8 bytes. */
  static int compareUtf8(String a, String b) {
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
