package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.DefaultRepositoryBuilders;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The asynchronous twin of {@link DynamoRepository}: the same operations and semantics, returning
 * {@link CompletableFuture}s for single results and reactive-streams {@link Publisher}s of pages,
 * which honour backpressure (a page is requested from DynamoDB only on demand) and cancellation.
 * Nothing blocks an SDK thread. Thread-safe. To gather a bounded query into one list without a
 * subscriber, use {@link #collectList(List, List, int)}, {@link #collectListBetween(List, List,
 * List, int)} or {@link #collectBatch(Collection)}.
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
   * Writes one item if a condition holds; see {@link DynamoRepository#put(PartitionedContent,
   * FilterCommand)}. Fails with {@link ConditionFailedException} when it does not.
   *
   * <pre>{@code
   * actors.put(content, FilterCommand.builder().notExists("review").build()).join();
   * }</pre>
   *
   * @param content the content
   * @param condition the clauses the stored item must meet
   * @return completes when written
   */
  CompletableFuture<Void> put(PartitionedContent<T> content, FilterCommand condition);

  /**
   * Creates one item unless its key is taken; see {@link DynamoRepository#putIfAbsent}.
   *
   * @param content the content
   * @return true when written, false when an item with its key existed
   */
  CompletableFuture<Boolean> putIfAbsent(PartitionedContent<T> content);

  /**
   * Writes one item only when the stored item is at {@code expectedVersion} (0: when there is
   * none), at version {@code expectedVersion + 1}; see {@link DynamoRepository#putIfVersion}.
   *
   * <pre>{@code
   * actors.putIfVersion(changed, read.currentVersion())
   *     .thenAccept(written -> log.info("now at version {}", written.currentVersion()));
   * }</pre>
   *
   * @param content the content to write (its own version is ignored)
   * @param expectedVersion the version the stored item must have, or 0 for "no item stored"
   * @return the content as written, at version {@code expectedVersion + 1}; fails with {@link
   *     VersionConflictException}, {@link ItemNotFoundException} or {@link
   *     WriteOutcomeUnknownException} as the sync call throws them
   */
  CompletableFuture<PartitionedContent<T>> putIfVersion(
      PartitionedContent<T> content, long expectedVersion);

  /**
   * Writes many items in constant memory; see {@link DynamoRepository#putBatch(Iterable)}. A {@link
   * java.util.Collection} is checked whole before anything is written, and a bad item throws at
   * once; any other source is read once, a chunk at a time, on the thread that starts the chunk
   * (yours for the first chunks, then the client's completion threads), and a bad item in it fails
   * the returned future.
   *
   * <pre>{@code
   * actors.putBatch(contents).join();
   * }</pre>
   *
   * @param contents the contents
   * @return completes when all are written, or fails with {@link UnprocessedItemsException}
   */
  CompletableFuture<Void> putBatch(Iterable<PartitionedContent<T>> contents);

  /**
   * Writes the items of a stream, read once and in constant memory; see {@link
   * DynamoRepository#putBatch(Iterable)} for single-pass sources. The stream is not closed.
   *
   * <pre>{@code
   * actors.putBatch(IntStream.range(0, 1_000_000).mapToObj(Actors::generated)).join();
   * }</pre>
   *
   * @param contents the contents to write, consumed once
   * @return completes when all are written, or fails with {@link UnprocessedItemsException}
   */
  default CompletableFuture<Void> putBatch(Stream<PartitionedContent<T>> contents) {
    return putBatch(contents::iterator);
  }

  /**
   * Writes the items of a reactive-streams {@link Publisher}, read once and in constant memory: the
   * repository subscribes, requests items a chunk (25) at a time and only while it has room for
   * them (at most the batch settings' {@code concurrency} chunks in flight and one being filled;
   * never {@code Long.MAX_VALUE}), so a publisher that reads a file or another table is held back
   * by the writes. Items are single-pass, as for a non-collection {@link Iterable} (see {@link
   * DynamoRepository#putBatch(Iterable)}): each item is checked when it arrives. A bad item, or the
   * publisher's {@code onError}, stops the batch and cancels the subscription; the chunks already
   * sent finish, and the future fails with an {@link UnprocessedItemsException} whose cause is the
   * item's exception (or the publisher's error) and whose message leads with how many items were
   * written before it, listing those received but not written. A bad first chunk (nothing sent)
   * fails with the item's own exception. A publisher that completes empty sends nothing.
   *
   * <p>Cancelling the returned future cancels the subscription: no more items are requested and no
   * further chunk is sent; chunks already sent still finish, and what they wrote stays written
   * without being reported.
   *
   * <pre>{@code
   * // a migration with Project Reactor: lines of a file, parsed as they are written
   * Flux<PartitionedContent<FilmActor>> source =
   *     Flux.using(() -> Files.lines(export), Flux::fromStream, Stream::close)
   *         .map(Actors::parse);
   * actors.putBatch(source).join();
   * }</pre>
   *
   * @param contents the contents to write, subscribed to once
   * @return completes when all are written (and the publisher completed), or fails with {@link
   *     UnprocessedItemsException}
   */
  CompletableFuture<Void> putBatch(Publisher<? extends PartitionedContent<T>> contents);

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
   * Updates one item if a condition holds; see {@link DynamoRepository#update(List, List,
   * UpdateCommand, FilterCommand)}. Fails with {@link ConditionFailedException} when it does not.
   *
   * <pre>{@code
   * actors.update(List.of(), List.of("tom-hanks"), UpdateCommand.builder().set("review", "Great").build(),
   *     FilterCommand.builder().notExists("review").build()).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param command what to change
   * @param condition the clauses the stored item must meet
   * @return the new state
   */
  CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition);

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
   * Reads many items, in memory bounded by the chunks in flight beyond your keys; see {@link
   * DynamoRepository#getBatch}.
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
   * Queries one of the repository's secondary indexes; see {@link DynamoRepository#index(String)}.
   *
   * <pre>{@code
   * reviews.index("by-reviewer").list(List.of("alice"), List.of()).subscribe(subscriber);
   * }</pre>
   *
   * @param name the index name
   * @return the index's queries
   * @throws InvalidCommandException when the repository has no index of that name
   */
  AsyncIndexView<T> index(String name);

  /**
   * Reads of this repository's items into a smaller record; see {@link
   * DynamoRepository#projection(Class)}.
   *
   * <pre>{@code
   * actors.projection(ActorName.class).get(List.of(), List.of("tom-hanks")).join();
   * }</pre>
   *
   * @param type the projection type
   * @param <P> the projection type
   * @return the projection's reads
   * @throws InvalidModelException when the projection does not fit the model
   */
  <P> AsyncProjectionView<P> projection(Class<P> type);

  /**
   * Reads every item of this repository's type in its table; see {@link DynamoRepository#scan()}.
   *
   * <pre>{@code
   * actors.scan().subscribe(exportSubscriber);
   * }</pre>
   *
   * @return one page per DynamoDB page, requested on demand
   */
  default Publisher<BatchResponse<T>> scan() {
    return scan(ScanOptions.defaults());
  }

  /**
   * Reads every item of this repository's type in its table, with options; see {@link
   * DynamoRepository#scan(ScanOptions)}. Nothing is read before the subscriber asks; a parallel
   * scan keeps at most {@link ScanOptions#maxConcurrency()} requests out, so at most that many
   * pages are read ahead of demand.
   *
   * <pre>{@code
   * Flux.from(actors.scan(ScanOptions.builder().parallel(8).build()))
   *     .concatMap(page -> export(page.items()), 1)
   *     .blockLast();
   * }</pre>
   *
   * @param options limit, filter, page size, continuation and segments
   * @return one page per segment page, in the order segments answer
   */
  Publisher<BatchResponse<T>> scan(ScanOptions options);

  /**
   * Reads many items into one list, without writing a {@link org.reactivestreams.Subscriber}: the
   * contents of every page of {@link #getBatch(Collection)}, bounded by the keys asked for. Keys
   * without a stored item are left out; the order is not the keys' order.
   *
   * <pre>{@code
   * List<PartitionedContent<FilmActor>> found =
   *     actors.collectBatch(List.of(ContentKey.of(List.of(), List.of("tom-hanks")))).join();
   * }</pre>
   *
   * @param keys the keys
   * @return the stored contents, once every page has arrived
   */
  default CompletableFuture<List<PartitionedContent<T>>> collectBatch(Collection<ContentKey> keys) {
    return PageCollector.collect(getBatch(keys), keys.size());
  }

  /**
   * Lists by content prefix into one list, without writing a {@link
   * org.reactivestreams.Subscriber}: at most {@code limit} contents in sort-key order, read one
   * page at a time.
   *
   * <pre>{@code
   * List<PartitionedContent<ActorReview>> latest =
   *     reviews.collectList(List.of("tom-hanks"), List.of(), 10).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @param limit the most contents to gather (positive)
   * @return the contents, once the query is done
   * @throws InvalidCommandException when the limit is not positive
   */
  default CompletableFuture<List<PartitionedContent<T>>> collectList(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix, int limit) {
    return collectList(partitionIds, contentPrefix, QueryOptions.builder().limit(limit).build());
  }

  /**
   * Lists by content prefix into one list, without writing a {@link
   * org.reactivestreams.Subscriber}: the contents of every page of {@link #list(List, List,
   * QueryOptions)}. The options must carry a {@link QueryOptions#limit() limit}, which bounds the
   * list; to read a partition of unknown size, consume the {@code Publisher} page by page instead.
   *
   * <pre>{@code
   * QueryOptions newestFirst = QueryOptions.builder().ascending(false).limit(20).build();
   * List<PartitionedContent<ActorReview>> page =
   *     reviews.collectList(List.of("tom-hanks"), List.of(), newestFirst).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
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

  /**
   * Lists a range into one list, without writing a {@link org.reactivestreams.Subscriber}: at most
   * {@code limit} contents between the bounds (both included), in sort-key order.
   *
   * <pre>{@code
   * List<PartitionedContent<ActorReview>> may = reviews.collectListBetween(
   *     List.of("tom-hanks"), List.of("2024-05-01"), List.of("2024-05-31"), 100).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param limit the most contents to gather (positive)
   * @return the contents, once the query is done
   * @throws InvalidCommandException when the limit is not positive
   */
  default CompletableFuture<List<PartitionedContent<T>>> collectListBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      int limit) {
    return collectListBetween(
        partitionIds, contentStart, contentEnd, QueryOptions.builder().limit(limit).build());
  }

  /**
   * Lists a range into one list, without writing a {@link org.reactivestreams.Subscriber}: the
   * contents of every page of {@link #listBetween(List, List, List, QueryOptions)}. The options
   * must carry a {@link QueryOptions#limit() limit}, which bounds the list.
   *
   * <pre>{@code
   * QueryOptions options = QueryOptions.builder().limit(50).consistentRead(true).build();
   * List<PartitionedContent<ActorReview>> range = reviews.collectListBetween(
   *     List.of("tom-hanks"), List.of("2024-05-01"), List.of("2024-05-31"), options).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options the query options, with a limit
   * @return the contents, once the query is done
   * @throws InvalidCommandException when the options have no limit
   */
  default CompletableFuture<List<PartitionedContent<T>>> collectListBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    int limit = PageCollector.requireLimit(options, "collectListBetween");
    return PageCollector.collect(
        listBetween(partitionIds, contentStart, contentEnd, options), limit);
  }

  /**
   * Deletes every item under a prefix in constant memory, as {@link DynamoRepository#delete} does:
   * while one page of keys is deleted (at most {@link BatchSettings#concurrency()} batches in
   * flight) the next page is read, so it holds at most two pages of keys and the batches in flight.
   *
   * <pre>{@code
   * reviews.delete(List.of("tom-hanks"), List.of("2023"))
   *     .thenAccept(gone -> log.info("{} reviews deleted", gone));
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @return exactly how many items were deleted; fails with {@link UnprocessedItemsException} as
   *     the sync call throws it (what was deleted and what was not, counts first)
   */
  CompletableFuture<Long> delete(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix);

  /**
   * Deletes exactly one item; see {@link DynamoRepository#deleteItem(List, List)}.
   *
   * <pre>{@code
   * actors.deleteItem(List.of(), List.of("tom-hanks"))
   *     .thenAccept(gone -> log.info("deleted: {}", gone.isPresent()));
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the deleted content, or empty when there was no such item
   */
  CompletableFuture<Optional<PartitionedContent<T>>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Deletes exactly one item at a version; see {@link DynamoRepository#deleteItem(List, List,
   * long)}. Fails with {@link ItemNotFoundException} or {@link VersionConflictException}.
   *
   * <pre>{@code
   * actors.deleteItem(List.of(), List.of("tom-hanks"), 3).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param currentVersion the version the item must be at
   * @return the deleted content
   */
  CompletableFuture<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion);

  /**
   * Deletes the items of exactly these keys; see {@link DynamoRepository#deleteBatch}.
   *
   * <pre>{@code
   * actors.deleteBatch(List.of(ContentKey.of(List.of(), List.of("tom-hanks")))).join();
   * }</pre>
   *
   * @param keys the keys of the items to delete
   * @return completes when all are deleted, or fails with {@link UnprocessedItemsException}
   */
  CompletableFuture<Void> deleteBatch(Collection<ContentKey> keys);

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
