package io.github.pydanticdynamo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * Queries of one secondary index of an {@link AsyncDynamoRepository}: {@link IndexView}'s, as
 * publishers of pages read on demand.
 *
 * <pre>{@code
 * AsyncIndexView<ActorReview> byReviewer = reviews.index("by-reviewer");
 * List<PartitionedContent<ActorReview>> latest = byReviewer.collectList(List.of("alice"), List.of(),
 *     QueryOptions.builder().ascending(false).limit(10).build()).join();
 * }</pre>
 *
 * @param <T> the model type
 */
public interface AsyncIndexView<T> {

  /**
   * The index this view queries.
   *
   * @return the index
   */
  SecondaryIndex index();

  /**
   * Lists the items of an index partition; see {@link IndexView#list(List, List)}.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").list(List.of("alice"), List.of()).subscribe(subscriber);
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids
   * @return one page per DynamoDB page
   */
  default Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return list(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Lists the items of an index partition; see {@link IndexView#list(List, List, QueryOptions)}.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").list(List.of("alice"), List.of(), QueryOptions.builder().limit(10).build());
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids
   * @param options the query options
   * @return one page per DynamoDB page
   */
  Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists a range of an index partition; see {@link IndexView#listBetween(List, List, List,
   * QueryOptions)}.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").listBetween(List.of("alice"), List.of("2024-05-01"),
   *     List.of("2024-05-31"), QueryOptions.defaults());
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options the query options
   * @return one page per DynamoDB page
   */
  Publisher<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options);

  /**
   * Lists an index partition into one list, without writing a {@link
   * org.reactivestreams.Subscriber}; the options must carry a limit, which bounds the list.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").collectList(List.of("alice"), List.of(),
   *     QueryOptions.builder().limit(10).build()).join();
   * }</pre>
   *
   * @param partitionIds the index partition ids
   * @param contentPrefix a prefix of the index content ids
   * @param options the query options, with a limit
   * @return the contents, once the query is done
   * @throws InvalidCommandException when the options have no limit
   */
  default CompletableFuture<List<PartitionedContent<T>>> collectList(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    int limit = PageCollector.requireLimit(options, "collectList");
    return PageCollector.collect(list(partitionIds, contentPrefix, options), limit);
  }
}
