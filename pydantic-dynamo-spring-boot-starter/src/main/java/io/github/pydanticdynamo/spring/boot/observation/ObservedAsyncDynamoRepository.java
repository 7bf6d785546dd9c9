package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.AsyncIndexView;
import io.github.pydanticdynamo.AsyncProjectionView;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.ScanOptions;
import io.github.pydanticdynamo.UpdateCommand;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * An {@link AsyncDynamoRepository} that observes each operation until its future completes, as
 * {@link ObservedDynamoRepository} does for the synchronous one. {@code getBatch}, {@code list} and
 * {@code listBetween} return publishers: their observation covers the call, not the pages read on
 * subscription.
 *
 * <pre>{@code
 * AsyncDynamoRepository<FilmActor> observed = new ObservedAsyncDynamoRepository<>(
 *     AsyncDynamoRepository.builder(FilmActor.class)...build(), registry);
 * }</pre>
 *
 * @param <T> the model type
 */
public final class ObservedAsyncDynamoRepository<T> implements AsyncDynamoRepository<T> {
  private final AsyncDynamoRepository<T> delegate;
  private final RepositoryObservation observation;

  /**
   * Wraps a repository.
   *
   * @param delegate the repository that does the work
   * @param registry the registry the observations are made in
   */
  public ObservedAsyncDynamoRepository(
      AsyncDynamoRepository<T> delegate, ObservationRegistry registry) {
    this.delegate = delegate;
    this.observation = new RepositoryObservation(registry, delegate.settings());
  }

  @Override
  public CompletableFuture<Void> put(PartitionedContent<T> content) {
    return observation.observeAsync("put", () -> delegate.put(content));
  }

  @Override
  public CompletableFuture<Void> put(PartitionedContent<T> content, FilterCommand condition) {
    return observation.observeAsync("put", () -> delegate.put(content, condition));
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(PartitionedContent<T> content) {
    return observation.observeAsync("putIfAbsent", () -> delegate.putIfAbsent(content));
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> putIfVersion(
      PartitionedContent<T> content, long expectedVersion) {
    return observation.observeAsync(
        "putIfVersion", () -> delegate.putIfVersion(content, expectedVersion));
  }

  @Override
  public CompletableFuture<Void> putBatch(Iterable<PartitionedContent<T>> contents) {
    return observation.observeAsync("putBatch", () -> delegate.putBatch(contents));
  }

  /**
   * {@inheritDoc} Cancelling the returned future cancels the delegate's, and so the subscription;
   * the observation then ends with the cancellation as its error.
   */
  @Override
  public CompletableFuture<Void> putBatch(Publisher<? extends PartitionedContent<T>> contents) {
    return observation.observeAsync("putBatch", () -> delegate.putBatch(contents));
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command) {
    return observation.observeAsync(
        "update", () -> delegate.update(partitionIds, contentIds, command));
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition) {
    return observation.observeAsync(
        "update", () -> delegate.update(partitionIds, contentIds, command, condition));
  }

  @Override
  public CompletableFuture<GetResponse<T>> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observeAsync("get", () -> delegate.get(partitionIds, contentIds));
  }

  @Override
  public Publisher<BatchResponse<T>> getBatch(Collection<ContentKey> keys) {
    return observation.observe("getBatch", () -> delegate.getBatch(keys));
  }

  @Override
  public Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe("list", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Publisher<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "listBetween", () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }

  @Override
  public Publisher<BatchResponse<T>> scan(ScanOptions options) {
    return observation.observe("scan", () -> delegate.scan(options));
  }

  @Override
  public CompletableFuture<Long> delete(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return observation.observeAsync("delete", () -> delegate.delete(partitionIds, contentPrefix));
  }

  @Override
  public CompletableFuture<Optional<PartitionedContent<T>>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observeAsync(
        "deleteItem", () -> delegate.deleteItem(partitionIds, contentIds));
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion) {
    return observation.observeAsync(
        "deleteItem", () -> delegate.deleteItem(partitionIds, contentIds, currentVersion));
  }

  @Override
  public CompletableFuture<Void> deleteBatch(Collection<ContentKey> keys) {
    return observation.observeAsync("deleteBatch", () -> delegate.deleteBatch(keys));
  }

  @Override
  public AsyncIndexView<T> index(String name) {
    return new ObservedAsyncIndexView<>(delegate.index(name), observation);
  }

  @Override
  public <P> AsyncProjectionView<P> projection(Class<P> type) {
    return new ObservedAsyncProjectionView<>(delegate.projection(type), observation);
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
