package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.DefaultRepositoryBuilders;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The asynchronous twin of {@link DynamoRepository}: the same operations and semantics, returning
 * {@link CompletableFuture}s for single results and reactive-streams {@link Publisher}s of pages,
 * which honour backpressure (a page is requested from DynamoDB only on demand) and cancellation.
 * Nothing blocks an SDK thread. Thread-safe.
 *
 * <pre>{@code
 * AsyncDynamoRepository<FilmActor> actors = AsyncDynamoRepository.builder(FilmActor.class)
 *     .client(DynamoDbAsyncClient.create())
 *     .tableName("app-table")
 *     .partitionPrefix("films")
 *     .build();
 * actors.getItem(List.of(), List.of("tom-hanks")).thenAccept(tom -> ...);
 * }</pre>
 *
 * @param <T> the model type
 */
public interface AsyncDynamoRepository<T> extends AutoCloseable {

  /**
   * Starts a repository for {@code type}.
   *
   * @param type the model type (a record or a Jackson-mappable class)
   * @param <T> the model type
   * @return a builder
   */
  static <T> Builder<T> builder(Class<T> type) {
    return DefaultRepositoryBuilders.async(type);
  }

  /**
   * Writes one item; see {@link DynamoRepository#put}.
   *
   * @param content the content
   * @return completes when written
   */
  CompletableFuture<Void> put(PartitionedContent<T> content);

  /**
   * Creates one item unless its key is taken; see {@link DynamoRepository#putIfAbsent}.
   *
   * @param content the content
   * @return true when written, false when an item with its key existed
   */
  CompletableFuture<Boolean> putIfAbsent(PartitionedContent<T> content);

  /**
   * Writes many items; see {@link DynamoRepository#putBatch}.
   *
   * @param contents the contents
   * @return completes when all are written, or fails with {@link UnprocessedItemsException}
   */
  CompletableFuture<Void> putBatch(Iterable<PartitionedContent<T>> contents);

  /**
   * Updates one item; see {@link DynamoRepository#update}.
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param command what to change
   * @return the new state
   */
  CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command);

  /**
   * Reads one item; see {@link DynamoRepository#get}.
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the response
   */
  CompletableFuture<GetResponse<T>> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Reads one item without its bookkeeping.
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the item, if stored
   */
  default CompletableFuture<Optional<T>> getItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return get(partitionIds, contentIds)
        .thenApply(response -> response.content().map(PartitionedContent::item));
  }

  /**
   * Reads many items; see {@link DynamoRepository#getBatch}.
   *
   * @param keys the keys
   * @return one page per chunk of up to 100 keys
   */
  Publisher<BatchResponse<T>> getBatch(Collection<ContentKey> keys);

  /**
   * Lists by content prefix; see {@link DynamoRepository#list(List, List)}.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @return one page per DynamoDB page
   */
  default Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return list(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Lists by content prefix; see {@link DynamoRepository#list(List, List, QueryOptions)}.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @param options the query options
   * @return one page per DynamoDB page
   */
  Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists a range; see {@link DynamoRepository#listBetween(List, List, List)}.
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @return one page per DynamoDB page
   */
  default Publisher<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd) {
    return listBetween(partitionIds, contentStart, contentEnd, QueryOptions.defaults());
  }

  /**
   * Lists a range; see {@link DynamoRepository#listBetween(List, List, List, QueryOptions)}.
   *
   * @param partitionIds the partition ids
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
   * Deletes every item under a prefix; see {@link DynamoRepository#delete}.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @return how many items were deleted
   */
  CompletableFuture<Long> delete(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix);

  /**
   * The repository's settings.
   *
   * @return the settings
   */
  RepositorySettings settings();

  /** Releases the repository's own resources; the client stays open (it is yours). */
  @Override
  void close();

  /**
   * Builds an {@link AsyncDynamoRepository}.
   *
   * @param <T> the model type
   */
  interface Builder<T> extends RepositoryBuilder<T, Builder<T>> {
    /**
     * The asynchronous client (required).
     *
     * @param client the client
     * @return this builder
     */
    Builder<T> client(DynamoDbAsyncClient client);

    /**
     * Builds the repository, checking the model and the settings.
     *
     * @return the repository
     */
    AsyncDynamoRepository<T> build();
  }
}
