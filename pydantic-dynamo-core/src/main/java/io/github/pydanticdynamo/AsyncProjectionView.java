package io.github.pydanticdynamo;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * Reads of an {@link AsyncDynamoRepository}'s items into a smaller record; see {@link
 * ProjectionView}.
 *
 * <pre>{@code
 * AsyncProjectionView<ActorName> names = actors.projection(ActorName.class);
 * names.getItem(List.of(), List.of("tom-hanks")).thenAccept(name -> ...);
 * }</pre>
 *
 * @param <P> the projection type
 */
public interface AsyncProjectionView<P> {

  /**
   * The projection type.
   *
   * @return the record type items are read into
   */
  Class<P> type();

  /**
   * Reads one item's projection.
   *
   * <pre>{@code
   * names.get(List.of(), List.of("tom-hanks")).join();
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentIds the content ids
   * @return the response
   */
  CompletableFuture<GetResponse<P>> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds);

  /**
   * Reads many items' projections.
   *
   * <pre>{@code
   * names.getBatch(keys).subscribe(subscriber);
   * }</pre>
   *
   * @param keys the keys
   * @return one page per chunk of up to 100 keys
   */
  Publisher<BatchResponse<P>> getBatch(Collection<ContentKey> keys);

  /**
   * Lists projections by content prefix.
   *
   * <pre>{@code
   * names.list(List.of(), List.of(), QueryOptions.builder().limit(10).build()).subscribe(subscriber);
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentPrefix the content id prefix
   * @param options the query options
   * @return one page per DynamoDB page
   */
  Publisher<BatchResponse<P>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options);

  /**
   * Lists projections between two content ids.
   *
   * <pre>{@code
   * names.listBetween(List.of(), List.of("a"), List.of("m"), QueryOptions.defaults());
   * }</pre>
   *
   * @param partitionIds the partition ids
   * @param contentStart the lower bound
   * @param contentEnd the upper bound
   * @param options the query options
   * @return one page per DynamoDB page
   */
  Publisher<BatchResponse<P>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options);

  /**
   * Scans projections of every item of the type.
   *
   * <pre>{@code
   * names.scan(ScanOptions.defaults()).subscribe(subscriber);
   * }</pre>
   *
   * @param options limit, filter, page size, continuation and segments
   * @return one page per segment page
   */
  Publisher<BatchResponse<P>> scan(ScanOptions options);

  /**
   * Queries one of the repository's secondary indexes into projections.
   *
   * <pre>{@code
   * names.index("by-name").list(List.of("Tom Hanks"), List.of()).subscribe(subscriber);
   * }</pre>
   *
   * @param name the index name
   * @return the index's queries
   */
  AsyncIndexView<P> index(String name);
}
