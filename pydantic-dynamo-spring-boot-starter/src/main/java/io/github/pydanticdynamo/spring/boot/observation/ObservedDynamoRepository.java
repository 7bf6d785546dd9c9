package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.IndexView;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.ProjectionView;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.ScanOptions;
import io.github.pydanticdynamo.UpdateCommand;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DynamoRepository} that observes each operation as a Micrometer observation named {@value
 * #OBSERVATION_NAME}, with the low-cardinality keys {@code operation}, {@code entity}, {@code
 * table} and {@code outcome} ({@code success} or {@code error}). {@code getBatch}, {@code list} and
 * {@code listBetween} return lazy streams: their observation covers the call, not the pages the
 * caller reads later. Index queries ({@code indexList}, {@code indexListBetween}) and the reads of
 * projection views (under the repository's operation names) are observed too. The starter wraps its
 * repositories in it when an observation registry is in use; wrap repositories built by hand the
 * same way.
 *
 * <pre>{@code
 * DynamoRepository<FilmActor> observed =
 *     new ObservedDynamoRepository<>(DynamoRepository.builder(FilmActor.class)...build(), registry);
 * }</pre>
 *
 * @param <T> the model type
 */
public final class ObservedDynamoRepository<T> implements DynamoRepository<T> {
  /** The name of the observations. */
  public static final String OBSERVATION_NAME = "pydantic.dynamo.operation";

  private final DynamoRepository<T> delegate;
  private final RepositoryObservation observation;

  /**
   * Wraps a repository.
   *
   * @param delegate the repository that does the work
   * @param registry the registry the observations are made in
   */
  public ObservedDynamoRepository(DynamoRepository<T> delegate, ObservationRegistry registry) {
    this.delegate = delegate;
    this.observation = new RepositoryObservation(registry, delegate.settings());
  }

  @Override
  public void put(PartitionedContent<T> content) {
    observation.observeRun("put", () -> delegate.put(content));
  }

  @Override
  public void put(PartitionedContent<T> content, FilterCommand condition) {
    observation.observeRun("put", () -> delegate.put(content, condition));
  }

  @Override
  public boolean putIfAbsent(PartitionedContent<T> content) {
    return observation.observe("putIfAbsent", () -> delegate.putIfAbsent(content));
  }

  @Override
  public PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expectedVersion) {
    return observation.observe(
        "putIfVersion", () -> delegate.putIfVersion(content, expectedVersion));
  }

  @Override
  public void putBatch(Iterable<PartitionedContent<T>> contents) {
    observation.observeRun("putBatch", () -> delegate.putBatch(contents));
  }

  @Override
  public PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command) {
    return observation.observe("update", () -> delegate.update(partitionIds, contentIds, command));
  }

  @Override
  public PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition) {
    return observation.observe(
        "update", () -> delegate.update(partitionIds, contentIds, command, condition));
  }

  @Override
  public GetResponse<T> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observe("get", () -> delegate.get(partitionIds, contentIds));
  }

  @Override
  public Stream<BatchResponse<T>> getBatch(Collection<ContentKey> keys) {
    return observation.observe("getBatch", () -> delegate.getBatch(keys));
  }

  @Override
  public Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe("list", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "listBetween", () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }

  @Override
  public Stream<BatchResponse<T>> scan(ScanOptions options) {
    return observation.observe("scan", () -> delegate.scan(options));
  }

  @Override
  public long delete(@Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return observation.observe("delete", () -> delegate.delete(partitionIds, contentPrefix));
  }

  @Override
  public Optional<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observe("deleteItem", () -> delegate.deleteItem(partitionIds, contentIds));
  }

  @Override
  public PartitionedContent<T> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion) {
    return observation.observe(
        "deleteItem", () -> delegate.deleteItem(partitionIds, contentIds, currentVersion));
  }

  @Override
  public void deleteBatch(Collection<ContentKey> keys) {
    observation.observeRun("deleteBatch", () -> delegate.deleteBatch(keys));
  }

  @Override
  public IndexView<T> index(String name) {
    return new ObservedIndexView<>(delegate.index(name), observation);
  }

  @Override
  public <P> ProjectionView<P> projection(Class<P> type) {
    return new ObservedProjectionView<>(delegate.projection(type), observation);
  }

  @Override
  public RepositorySettings settings() {
    return delegate.settings();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "Observed" + delegate;
  }
}
