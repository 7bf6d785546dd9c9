package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.AsyncIndexView;
import io.github.pydanticdynamo.AsyncProjectionView;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.ScanOptions;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/** An async projection view whose reads are observed under the repository's operation names. */
final class ObservedAsyncProjectionView<P> implements AsyncProjectionView<P> {
  private final AsyncProjectionView<P> delegate;
  private final RepositoryObservation observation;

  ObservedAsyncProjectionView(AsyncProjectionView<P> delegate, RepositoryObservation observation) {
    this.delegate = delegate;
    this.observation = observation;
  }

  @Override
  public Class<P> type() {
    return delegate.type();
  }

  @Override
  public CompletableFuture<GetResponse<P>> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observeAsync("get", () -> delegate.get(partitionIds, contentIds));
  }

  @Override
  public Publisher<BatchResponse<P>> getBatch(Collection<ContentKey> keys) {
    return observation.observe("getBatch", () -> delegate.getBatch(keys));
  }

  @Override
  public Publisher<BatchResponse<P>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe("list", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Publisher<BatchResponse<P>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "listBetween", () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }

  @Override
  public Publisher<BatchResponse<P>> scan(ScanOptions options) {
    return observation.observe("scan", () -> delegate.scan(options));
  }

  @Override
  public AsyncIndexView<P> index(String name) {
    return new ObservedAsyncIndexView<>(delegate.index(name), observation);
  }
}
