package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** A validated scan: its request without paging, the segments it reads and where each starts. */
public record ScanPlan(
    ScanRequest template, // without Segment, TotalSegments, Limit and ExclusiveStartKey
    TokenSealer sealer, // seals the tokens of its pages
    List<String> binding, // what its tokens are bound to: table, type and segments
    int totalSegments,
    List<Integer> segments, // the segments read, in token order
    List<Position> start, // per segment read
    @Nullable Integer limit, // the exact cap on returned items
    @Nullable Integer pageSize, // DynamoDB's Limit per request
    int concurrency) { // segments read at once

  public ScanPlan {
    binding = List.copyOf(binding);
    segments = List.copyOf(segments);
    start = List.copyOf(start);
  }
}
