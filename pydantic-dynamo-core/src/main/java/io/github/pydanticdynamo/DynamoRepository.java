package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.DefaultRepositoryBuilders;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A typed, synchronous repository of one model type in one DynamoDB table. Items are stored under
 * the partition key {@code prefix#name#partitionIds…} and the sort key {@code
 * contentType#contentIds…}, as the Python library does, with {@code _object_version}, {@code
 * _timestamp} and {@code _ttl} beside the model's attributes. {@code null} id lists mean empty
 * lists everywhere. Thread-safe.
 *
 * <pre>{@code
 * DynamoRepository<FilmActor> actors = DynamoRepository.builder(FilmActor.class)
 *     .client(DynamoDbClient.create())
 *     .tableName("app-table")
 *     .partitionPrefix("films")
 *     .build();
 * actors.put(PartitionedContent.of(List.of(), List.of("tom-hanks"), new FilmActor("tom-hanks", "Tom Hanks", null)));
 * Optional<FilmActor> tom = actors.getItem(List.of(), List.of("tom-hanks"));
 * }</pre>
 *
 * @param <T> the model type
 */
public interface DynamoRepository<T> extends AutoCloseable {

  /**
   * Starts a repository for {@code type}.
   *
   * @param type the model type (a record or a Jackson-mappable class)
   * @param <T> the model type
   * @return a builder
   */
  static <T> Builder<T> builder(Class<T> type) {
    return DefaultRepositoryBuilders.sync(type);
  }

  /**
   * Writes one item, replacing any item with the same key. Writes {@code _object_version} = the
   * content's version, {@code _timestamp} = now, and {@code _ttl} when an expiry is set.
   *
   * @param content the content to write
   * @throws InvalidItemException when validation rejects the item
   * @throws ItemTooLargeException when the item is over 400 KB
   */
  void put(PartitionedContent<T> content);

  /**
   * Writes one item only when {@code condition} holds for the item stored under its key (all
   * clauses; on a missing item every attribute is missing, so only {@code notExists} and {@code
   * notEqualTo} clauses hold). The condition uses the filter vocabulary and is checked against the
   * model before any request: an unknown attribute or a value of the wrong type fails with {@link
   * InvalidCommandException}.
   *
   * <pre>{@code
   * // replace the stored actor only while it has no review
   * actors.put(content, FilterCommand.builder().notExists("review").build());
   * }</pre>
   *
   * @param content the content to write
   * @param condition the clauses the stored item must meet
   * @throws ConditionFailedException when the condition does not hold (nothing is written); it
   *     names the clauses that failed
   * @throws InvalidCommandException when the condition is empty or does not fit the model
   * @throws WriteOutcomeUnknownException when a response was lost and whether the put was applied
   *     cannot be told (see the README, "What a write tells you")
   */
  void put(PartitionedContent<T> content, FilterCommand condition);

  /**
   * Writes one item only when no item has its key (a create that never overwrites); of racing
   * creates of one key, exactly one wins.
   *
   * @param content the content to create
   * @return true when it was written, false when an item with its key already existed
   * @throws InvalidItemException when validation rejects the item
   * @throws WriteOutcomeUnknownException when a response was lost and an item without this call's
   *     write id is found: whether this call created it cannot be told
   */
  boolean putIfAbsent(PartitionedContent<T> content);

  /**
   * Writes one item only when the stored item is at {@code expectedVersion} (0: only when there is
   * none), at version {@code expectedVersion + 1}: a replace that never overwrites a concurrent
   * write. Read the item, change it, and write it back at the version read; of racing writers from
   * the same version exactly one wins. The write's outcome is exact also when its response is lost:
   * it is either reported as written, refused, or {@link WriteOutcomeUnknownException}.
   *
   * <pre>{@code
   * PartitionedContent<Actor> read = actors.get(List.of(), List.of("tom-hanks")).content().orElseThrow();
   * PartitionedContent<Actor> changed = read.withItem(read.item().withName("Tom Hanks"));
   * actors.putIfVersion(changed, read.currentVersion()); // stored at read.currentVersion() + 1
   * actors.putIfVersion(PartitionedContent.of(List.of(), List.of("meryl-streep"), meryl), 0); // create
   * }</pre>
   *
   * @param content the content to write (its own version is ignored)
   * @param expectedVersion the version the stored item must have, or 0 for "no item stored"
   * @return the content as written, at version {@code expectedVersion + 1}
   * @throws VersionConflictException when the stored item has another version (or exists, for 0)
   * @throws ItemNotFoundException when there is no item but {@code expectedVersion} is above 0
   * @throws InvalidCommandException when {@code expectedVersion} is negative
   * @throws WriteOutcomeUnknownException when a response was lost and the outcome cannot be told
   */
  PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expectedVersion);

  /**
   * Writes many items in chunks of 25 (up to {@link BatchSettings#concurrency()} in flight),
   * retrying what DynamoDB leaves unprocessed. Duplicate keys in the input: the last one wins (a
   * chunk holding a key waits for an earlier chunk in flight with that key). All items get one
   * write time.
   *
   * <p>The batch streams: the source is read one chunk at a time and each chunk's items are
   * released once DynamoDB has answered, so memory is bounded by the chunks in flight (times 25
   * items), not by the batch; a batch of millions of items read lazily from a file or another table
   * needs no more heap than one of a thousand. What bad input gets depends on the source:
   *
   * <ul>
   *   <li>a {@link Collection} (it can be read twice) is all or nothing for bad input: every item
   *       is validated, mapped and size-checked in a first pass that keeps nothing, then the items
   *       are mapped again chunk by chunk and written; one bad item anywhere throws its exception
   *       ({@link InvalidItemException}, {@link ItemTooLargeException}, …) before anything is
   *       written;
   *   <li>any other {@link Iterable} (and a {@link Stream}, see {@link #putBatch(Stream)}) is read
   *       once: each item is checked when its chunk is read, never ahead. A bad item in the first
   *       chunk throws its own exception with nothing written; a bad item later (or the source's
   *       own failure) stops reading: the chunks already sent finish, and an {@link
   *       UnprocessedItemsException} whose cause is the item's exception says how many items were
   *       written and lists those read but not written.
   * </ul>
   *
   * <p>What an {@link UnprocessedItemsException} lists is safe to write again as it is: each key at
   * most once, with its latest value. When a key given twice in different chunks was given up on in
   * the earlier chunk and written by the later one, the earlier item is not listed (writing it
   * again would overwrite the newer value) and the message says how many items were left out so;
   * when the later write failed too, only the later item is listed. When every item that was given
   * up on was written later by an item of the same key, the batch succeeds.
   *
   * <pre>{@code
   * // a migration: lines of a file, read as they are written
   * try (Stream<String> lines = Files.lines(export)) {
   *   actors.putBatch(lines.map(Actors::parse));
   * }
   * }</pre>
   *
   * @param contents the contents to write
   * @throws UnprocessedItemsException with exactly the contents not written, after the retries
   * @throws InvalidItemException when an item of a collection is invalid (nothing is written)
   */
  void putBatch(Iterable<PartitionedContent<T>> contents);

  /**
   * Writes the items of a stream, read once and in constant memory; see {@link #putBatch(Iterable)}
   * for single-pass sources. The stream is not closed.
   *
   * <pre>{@code
   * actors.putBatch(IntStream.range(0, 1_000_000).mapToObj(Actors::generated));
   * }</pre>
   *
   * @param contents the contents to write, consumed once
   * @throws UnprocessedItemsException with the contents read but not written, after the retries or
   *     after a bad item past the first chunk
   */
  default void putBatch(Stream<PartitionedContent<T>> contents) {
    putBatch(contents::iterator);
  }

  /**
   * Updates one item and returns its new state. Always sets {@code _timestamp} and adds one to
   * {@code _object_version}.
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param command what to change
   * @return the item after the update
   * @throws ItemNotFoundException when the item is missing and the command requires it
   * @throws VersionConflictException when the command's version check fails
   * @throws InvalidCommandException when the command does not fit the model
   * @throws WriteOutcomeUnknownException when a response was lost and whether the update was
   *     applied cannot be told (a blind increment or append is never sent twice)
   */
  PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command);

  /**
   * Updates one item only when {@code condition} holds for it, besides the command's own checks
   * ({@code requireExists}, {@code currentVersion}), and returns its new state. The condition is
   * checked against the model before any request.
   *
   * <pre>{@code
   * // raise the price only while the item is still on sale
   * PartitionedContent<Product> updated = products.update(List.of(), List.of("p-1"),
   *     UpdateCommand.builder().increment("price", 5).build(),
   *     FilterCommand.builder().equalTo("status", Status.ON_SALE).build());
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param command what to change
   * @param condition the clauses the stored item must meet
   * @return the item after the update
   * @throws ConditionFailedException when the condition does not hold (nothing is written)
   * @throws ItemNotFoundException when the item is missing and the command requires it
   * @throws VersionConflictException when the command's version check fails
   * @throws InvalidCommandException when the command or the condition does not fit the model
   * @throws WriteOutcomeUnknownException when a response was lost and whether the update was
   *     applied cannot be told
   */
  PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition);

  /**
   * Reads one item.
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the content, or an empty response
   */
  GetResponse<T> get(@Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Reads one item without its bookkeeping (the Python library's v1 style).
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the item, if stored
   */
  default Optional<T> getItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return get(partitionIds, contentIds).content().map(PartitionedContent::item);
  }

  /**
   * Reads many items: one {@link BatchResponse} per chunk of up to 100 requested keys, its items in
   * request order. Keys asked twice are read once; missing keys are left out. Every key is checked
   * before the first read; nothing is read before the first page is asked for; then up to {@link
   * BatchSettings#concurrency()} chunks are read ahead.
   *
   * <p>Memory beyond your key collection is bounded by the chunks in flight: each chunk's request
   * is built when it is sent and dropped once its page is handed out. To read each key once, a
   * batch remembers the keys it has read (a reference to each of your keys, about 40 bytes), unless
   * {@code keys} is a {@link java.util.Set}.
   *
   * @param keys the keys to read
   * @return the pages
   * @throws UnprocessedItemsException with the keys not read, after the retries
   */
  Stream<BatchResponse<T>> getBatch(Collection<ContentKey> keys);

  /**
   * Lists the items whose content ids start with {@code contentPrefix} (a string prefix of the
   * composed sort key, as in the Python library), in ascending order.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix; empty for every item of this type in the partition
   * @return one response per DynamoDB page, lazily
   */
  default Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return list(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Lists the items whose content ids start with {@code contentPrefix}.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix; empty for every item of this type in the partition
   * @param options order, exact limit, filter, page size, continuation
   * @return one response per DynamoDB page, lazily
   */
  Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists the items whose composed content ids lie between {@code contentStart} and {@code
   * contentEnd}, inclusive. Equal bounds list by prefix instead (keeping order, limit and filter).
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @return one response per DynamoDB page, lazily
   * @throws InvalidCommandException when the start is after the end
   */
  default Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd) {
    return listBetween(partitionIds, contentStart, contentEnd, QueryOptions.defaults());
  }

  /**
   * Lists the items whose composed content ids lie between the bounds, inclusive.
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options order, exact limit, filter, page size, continuation
   * @return one response per DynamoDB page, lazily
   * @throws InvalidCommandException when the start is after the end
   */
  Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options);

  /**
   * Streams the contents under a prefix across pages, lazily (the Python library's v1 style).
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @return the contents
   */
  default Stream<PartitionedContent<T>> listContents(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return listContents(partitionIds, contentPrefix, QueryOptions.defaults());
  }

  /**
   * Streams the contents under a prefix across pages, lazily.
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @param options order, exact limit, filter, page size, continuation
   * @return the contents
   */
  default Stream<PartitionedContent<T>> listContents(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return list(partitionIds, contentPrefix, options).flatMap(page -> page.contents().stream());
  }

  /**
   * Queries one of the repository's secondary indexes (declared with {@link DynamoIndex} on the
   * model or {@link RepositoryBuilder#index(SecondaryIndex)}).
   *
   * <pre>{@code
   * List<ActorReview> alices = reviews.index("by-reviewer").listContents(List.of("alice"), List.of())
   *     .map(PartitionedContent::item).toList();
   * }</pre>
   *
   * @param name the index name
   * @return the index's queries
   * @throws InvalidCommandException when the repository has no index of that name (the message
   *     names those it has)
   */
  IndexView<T> index(String name);

  /**
   * Reads of this repository's items into a smaller record of the caller's choosing, fetching only
   * its attributes; see {@link ProjectionView}.
   *
   * <pre>{@code
   * record ActorName(String id, String name) {}
   * Optional<ActorName> tom = actors.projection(ActorName.class).getItem(List.of(), List.of("tom-hanks"));
   * }</pre>
   *
   * @param type the projection: a record (or bean) whose properties are some of the model's
   * @param <P> the projection type
   * @return the projection's reads
   * @throws InvalidModelException when a property of the projection is missing from the model or
   *     has an incompatible type
   */
  <P> ProjectionView<P> projection(Class<P> type);

  /**
   * Reads every item of this repository's type in its table (all partitions), in DynamoDB's scan
   * order: one sequential scan, one page per DynamoDB page, lazily. Items of other types sharing
   * the table are skipped by the engine (a filter on the key prefixes), but still read: a scan
   * costs the read capacity of the whole table. For exports and migrations; use {@link #list} for
   * anything a key can find.
   *
   * <pre>{@code
   * try (Stream<BatchResponse<FilmActor>> pages = actors.scan()) {
   *   pages.forEach(page -> export(page.items()));
   * }
   * }</pre>
   *
   * @return one response per DynamoDB page
   */
  default Stream<BatchResponse<T>> scan() {
    return scan(ScanOptions.defaults());
  }

  /**
   * Reads every item of this repository's type in its table, with options: an exact limit, filters,
   * page size, a token to resume from, and parallel segments ({@link
   * ScanOptions.Builder#parallel(int)} reads all segments here, several at once on the batch pool;
   * {@link ScanOptions.Builder#segment(int, int)} reads one, for scans split across workers). Each
   * page's token resumes the same scan right after it. Close the stream to stop early.
   *
   * <pre>{@code
   * ScanOptions options = ScanOptions.builder()
   *     .parallel(8)
   *     .filter(FilterCommand.builder().exists("review").build())
   *     .build();
   * long reviewed = actors.scan(options).mapToLong(page -> page.contents().size()).sum();
   * }</pre>
   *
   * @param options limit, filter, page size, continuation and segments
   * @return one response per DynamoDB page (per segment page, in the order segments answer)
   * @throws InvalidCommandException when the filter does not fit the model or the token is not one
   *     of this scan
   */
  Stream<BatchResponse<T>> scan(ScanOptions options);

  /**
   * Streams the contents of a scan across pages, lazily.
   *
   * <pre>{@code
   * List<FilmActor> all = actors.scanContents(ScanOptions.defaults()).map(PartitionedContent::item).toList();
   * }</pre>
   *
   * @param options limit, filter, page size, continuation and segments
   * @return the contents
   */
  default Stream<PartitionedContent<T>> scanContents(ScanOptions options) {
    return scan(options).flatMap(page -> page.contents().stream());
  }

  /**
   * Deletes every item of this type under {@code contentPrefix} in the partition, in constant
   * memory: it reads the keys page by page (a keys-only query, up to 1 MB of items a page) and
   * deletes each page's keys in batches of 25 ({@link BatchSettings#concurrency()} in flight) while
   * it reads the next page, so it holds a page of keys and the batches in flight, however many
   * items there are. Deleting the items already read does not disturb the query's paging.
   * Unprocessed deletes are retried as {@link BatchSettings} says.
   *
   * <pre>{@code
   * long gone = reviews.delete(List.of("tom-hanks"), List.of("2023"));
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix; empty deletes every item of this type in the
   *     partition
   * @return exactly how many items were deleted
   * @throws UnprocessedItemsException when deletes remain unconfirmed after the retries (the keys
   *     whose retries ran out are reported once every page was deleted), when a request fails (the
   *     delete stops) or when the query fails after some pages were deleted; its message leads with
   *     how many of the items read were deleted and how many were not, {@link
   *     UnprocessedItemsException#undeletedKeys()} lists the keys read and not deleted, and when
   *     the query had not read every item under the prefix the message says so (the items not read
   *     are neither deleted nor listed: delete the prefix again). A query that fails before
   *     anything is deleted throws its own exception.
   */
  long delete(@Nullable List<String> partitionIds, @Nullable List<String> contentPrefix);

  /**
   * Deletes exactly one item, the one stored under these ids (not a prefix: {@link #delete} removes
   * every item under a prefix), and returns what it held. Empty id lists name the item stored with
   * empty ids, not a whole partition.
   *
   * <pre>{@code
   * Optional<PartitionedContent<FilmActor>> gone = actors.deleteItem(List.of(), List.of("tom-hanks"));
   * boolean existed = gone.isPresent();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the deleted content, or empty when there was no such item
   * @throws InvalidCommandException when an id is null or a key too long, before any request
   * @throws WriteOutcomeUnknownException when a response was lost and the item is gone: whether
   *     this call deleted it (and what it held) cannot be told
   */
  Optional<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Deletes exactly one item if it is still at the version the caller read (optimistic locking, as
   * {@link UpdateCommand.Builder#currentVersion(long)} does for updates).
   *
   * <pre>{@code
   * PartitionedContent<FilmActor> read = actors.get(List.of(), List.of("tom-hanks")).content().orElseThrow();
   * actors.deleteItem(List.of(), List.of("tom-hanks"), read.currentVersion());
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @param currentVersion the version the item must be at (1 or more)
   * @return the deleted content
   * @throws ItemNotFoundException when there is no such item
   * @throws VersionConflictException when the item is at another version (nothing is deleted)
   * @throws InvalidCommandException when the version is below 1 or an id is null, before any
   *     request
   * @throws WriteOutcomeUnknownException when a response was lost and the item is gone or moved on
   */
  PartitionedContent<T> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion);

  /**
   * Deletes the items of exactly these keys, in chunks of 25 (several in flight), retrying what
   * DynamoDB leaves unprocessed as {@link #putBatch} does. Keys without an item are no error; a key
   * given twice is deleted once. Every key is checked before anything is deleted.
   *
   * <pre>{@code
   * actors.deleteBatch(List.of(
   *     ContentKey.of(List.of(), List.of("tom-hanks")),
   *     ContentKey.of(List.of(), List.of("meg-ryan"))));
   * }</pre>
   *
   * @param keys the keys of the items to delete
   * @throws UnprocessedItemsException with exactly the keys not confirmed ({@link
   *     UnprocessedItemsException#undeletedKeys()}), after the retries
   * @throws InvalidCommandException when a key is null or invalid, before any request
   */
  void deleteBatch(Collection<ContentKey> keys);

  /**
   * The repository's settings (table, keys, prefix, names).
   *
   * @return the settings
   */
  RepositorySettings settings();

  /** Releases the repository's own resources; the DynamoDB client stays open (it is yours). */
  @Override
  void close();

  /**
   * Builds a {@link DynamoRepository}.
   *
   * @param <T> the model type
   */
  interface Builder<T> extends RepositoryBuilder<T, Builder<T>> {
    /**
     * The synchronous client (required).
     *
     * @param client the client
     * @return this builder
     */
    Builder<T> client(DynamoDbClient client);

    /**
     * Builds the repository, checking the model and the settings.
     *
     * @return the repository
     * @throws InvalidModelException when the model cannot be stored
     * @throws InvalidCommandException when a required setting is missing or invalid
     */
    DynamoRepository<T> build();
  }
}
