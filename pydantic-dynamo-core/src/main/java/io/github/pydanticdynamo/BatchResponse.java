package io.github.pydanticdynamo;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of results: for queries, one DynamoDB page (trimmed to the limit); for {@code getBatch},
 * one chunk of up to 100 requested keys.
 *
 * <pre>{@code
 * BatchResponse<Review> page = repository.list(ids, List.of(), options).findFirst().orElseThrow();
 * Optional<String> resumeFrom = page.nextToken();
 * }</pre>
 *
 * @param contents the contents of this page
 * @param nextToken an opaque token that resumes the query after this page, empty on the last page
 * @param <T> the model type
 */
public record BatchResponse<T>(List<PartitionedContent<T>> contents, Optional<String> nextToken) {
  /** Copies the contents. */
  public BatchResponse {
    contents = List.copyOf(contents);
    ContentKey.Ids.requireNonNull(nextToken, "nextToken");
  }

  /**
   * A page.
   *
   * @param contents the contents
   * @param nextToken the continuation token, or {@code null} on the last page
   * @param <T> the model type
   * @return the page
   */
  public static <T> BatchResponse<T> of(
      List<PartitionedContent<T>> contents, @Nullable String nextToken) {
    return new BatchResponse<>(contents, Optional.ofNullable(nextToken));
  }

  /**
   * The items of this page without their bookkeeping.
   *
   * @return the items, in page order
   */
  public List<T> items() {
    return contents.stream().map(PartitionedContent::item).toList();
  }
}
