package io.github.pydanticdynamo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads of a {@link DynamoRepository}'s items into a smaller record of the caller's choosing: only
 * its attributes (with the keys and the version) are read from DynamoDB, which saves read bytes and
 * mapping on large items. Every property of the projection must be a property of the entity with a
 * compatible type, checked when the view is made. Filters name the entity's attributes, projected
 * or not. The same reads as the repository: {@code get}, {@code getBatch}, {@code list}, {@code
 * listBetween}, {@code scan} and index queries. Thread-safe; make it once and keep it.
 *
 * <pre>{@code
 * record ActorName(String id, String name) {}
 *
 * ProjectionView<ActorName> names = actors.projection(ActorName.class);
 * List<ActorName> all = names.listContents(List.of(), List.of()).map(PartitionedContent::item).toList();
 * }</pre>
 *
 * @param <P> the projection type
 */
public interface ProjectionView<P> {

  /**
   * The projection type.
   *
   * @return the record type items are read into
   */
  Class<P> type();

  /**
   * Reads one item's projection; see {@link DynamoRepository#get}.
   *
   * <pre>{@code
   * Optional<ActorName> tom = names.getItem(List.of(), List.of("tom-hanks"));
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the projected content, or an empty response
   */
  GetResponse<P> get(@Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Reads one item's projection without its bookkeeping.
   *
   * <pre>{@code
   * Optional<ActorName> tom = names.getItem(List.of(), List.of("tom-hanks"));
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the projected item, if stored
   */
  default Optional<P> getItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return get(partitionIds, contentIds).content().map(PartitionedContent::item);
  }

  /**
   * Reads many items' projections; see {@link DynamoRepository#getBatch}.
   *
   * <pre>{@code
   * names.getBatch(keys).forEach(page -> show(page.items()));
   * }</pre>
   *
   * @param keys the keys to read
   * @return one page per chunk of up to 100 keys
   */
  Stream<BatchResponse<P>> getBatch(Collection<ContentKey> keys);

  /**
   * Lists projections by content prefix; see {@link DynamoRepository#list(List, List,
   * QueryOptions)}.
   *
   * <pre>{@code
   * names.list(List.of(), List.of(), QueryOptions.builder().limit(20).build());
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @param options order, exact limit, filter (on the entity's attributes), page size, continuation
   * @return one response per DynamoDB page, lazily
   */
  Stream<BatchResponse<P>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists projections between two content ids; see {@link DynamoRepository#listBetween(List, List,
   * List, QueryOptions)}.
   *
   * <pre>{@code
   * names.listBetween(List.of(), List.of("a"), List.of("m"), QueryOptions.defaults());
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options order, exact limit, filter, page size, continuation
   * @return one response per DynamoDB page, lazily
   */
  Stream<BatchResponse<P>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options);

  /**
   * Streams projected contents under a prefix across pages.
   *
   * <pre>{@code
   * names.listContents(List.of(), List.of()).map(PartitionedContent::item).toList();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @return the contents
   */
  default Stream<PartitionedContent<P>> listContents(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return list(partitionIds, contentPrefix, QueryOptions.defaults())
        .flatMap(page -> page.contents().stream());
  }

  /**
   * Scans projections of every item of the type; see {@link DynamoRepository#scan(ScanOptions)}.
   *
   * <pre>{@code
   * names.scan(ScanOptions.builder().parallel(4).build()).forEach(page -> export(page.items()));
   * }</pre>
   *
   * @param options limit, filter, page size, continuation and segments
   * @return one response per DynamoDB page
   */
  Stream<BatchResponse<P>> scan(ScanOptions options);

  /**
   * Queries one of the repository's secondary indexes into projections; see {@link
   * DynamoRepository#index(String)}.
   *
   * <pre>{@code
   * actors.projection(ActorName.class).index("by-name").listContents(List.of("Tom Hanks"), List.of());
   * }</pre>
   *
   * @param name the index name
   * @return the index's queries
   */
  IndexView<P> index(String name);
}
