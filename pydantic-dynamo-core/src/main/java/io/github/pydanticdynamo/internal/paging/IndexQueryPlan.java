package io.github.pydanticdynamo.internal.paging;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A validated query of a secondary index: its request without paging, and where it resumes. */
public record IndexQueryPlan(
    QueryRequest template, // without Limit and ExclusiveStartKey
    TokenSealer sealer, // seals the tokens of its pages
    List<String> binding, // what its tokens are bound to: index, partition and range
    List<String> keyNames, // the index's and the table's key attributes: a page's last key
    @Nullable Map<String, String> start, // the key to resume after, from the token
    @Nullable Integer limit, // the exact cap on returned items
    @Nullable Integer pageSize, // DynamoDB's Limit per request
    boolean filtered) { // whether a filter expression applies

  public IndexQueryPlan {
    binding = List.copyOf(binding);
    keyNames = List.copyOf(keyNames);
    start = start == null ? null : Map.copyOf(start);
  }
}
