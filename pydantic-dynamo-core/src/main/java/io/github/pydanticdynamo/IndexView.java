package io.github.pydanticdynamo;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Queries of one secondary index of a {@link DynamoRepository}, with the table's query vocabulary:
 * {@code list} by index content prefix, {@code listBetween} two index content ids, {@code
 * listContents}, and the same {@link QueryOptions} (exact limits, filters, order, page size,
 * continuation tokens, which resume only a query of this index). The ids are the index's: for a
 * global index, one value for each of its {@link SecondaryIndex#partitionIds()} properties; for a
 * local index, the item's partition ids as for the table. Values are given as their key text (see
 * {@link SecondaryIndex}). Items come back whole, with their table keys.
 *
 * <pre>{@code
 * IndexView<ActorReview> byReviewer = reviews.index("by-reviewer");
 * List<ActorReview> alices = byReviewer.listContents(List.of("alice"), List.of())
 *     .map(PartitionedContent::item)
 *     .toList();
 * }</pre>
 *
 * @param <T> the model type
 */
public interface IndexView<T> {

  /**
   * The index this view queries.
   *
   * @return the index
   */
  SecondaryIndex index();

  /**
   * Lists the items of an index partition, in index sort order.
   *
   * <pre>{@code
   * Stream<BatchResponse<ActorReview>> pages = reviews.index("by-reviewer").list(List.of("alice"), List.of());
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids; empty for every item of this type
   * @return one response per DynamoDB page, lazily
   */
  default Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return list(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Lists the items of an index partition whose index content ids start with {@code contentPrefix}.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").list(List.of("alice"), List.of("2024-05"),
   *     QueryOptions.builder().ascending(false).limit(10).build());
   * }</pre>
   *
   * @param partitionIds the index partition ids (a global index needs exactly one per property)
   * @param contentPrefix a prefix of the index content ids
   * @param options order, exact limit, filter, page size, continuation; a global index cannot be
   *     read with {@code consistentRead(true)}
   * @return one response per DynamoDB page, lazily
   * @throws InvalidCommandException when the ids do not fit the index, a global index is asked for
   *     a consistent read, or the token is not one of this index, before any request
   */
  Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists the items of an index partition between two index content ids, both included.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").listBetween(List.of("alice"), List.of("2024-05-01"), List.of("2024-05-31"));
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @return one response per DynamoDB page, lazily
   */
  default Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd) {
    return listBetween(partitionIds, contentStart, contentEnd, QueryOptions.defaults());
  }

  /**
   * Lists the items of an index partition between two index content ids, both included.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").listBetween(List.of("alice"), List.of("2024-05-01"),
   *     List.of("2024-05-31"), QueryOptions.builder().limit(20).build());
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options order, exact limit, filter, page size, continuation
   * @return one response per DynamoDB page, lazily
   * @throws InvalidCommandException when the start is after the end, or as for {@link #list(List,
   *     List, QueryOptions)}
   */
  Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options);

  /**
   * Streams the contents of an index partition across pages, lazily.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").listContents(List.of("alice"), List.of()).count();
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids
   * @return the contents
   */
  default Stream<PartitionedContent<T>> listContents(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return listContents(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Streams the contents of an index partition across pages, lazily.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").listContents(List.of("alice"), List.of(),
   *     QueryOptions.builder().limit(5).build());
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids
   * @param options order, exact limit, filter, page size, continuation
   * @return the contents
   */
  default Stream<PartitionedContent<T>> listContents(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return list(partitionIds, contentPrefix, options).flatMap(page -> page.contents().stream());
  }
}
