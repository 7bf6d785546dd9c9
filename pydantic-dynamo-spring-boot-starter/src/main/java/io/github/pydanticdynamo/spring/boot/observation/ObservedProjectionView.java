package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.IndexView;
import io.github.pydanticdynamo.ProjectionView;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.ScanOptions;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A projection view whose reads are observed under the repository's operation names. */
final class ObservedProjectionView<P> implements ProjectionView<P> {
  private final ProjectionView<P> delegate;
  private final RepositoryObservation observation;

  ObservedProjectionView(ProjectionView<P> delegate, RepositoryObservation observation) {
    this.delegate = delegate;
    this.observation = observation;
  }

  @Override
  public Class<P> type() {
    return delegate.type();
  }

  @Override
  public GetResponse<P> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return observation.observe("get", () -> delegate.get(partitionIds, contentIds));
  }

  @Override
  public Stream<BatchResponse<P>> getBatch(Collection<ContentKey> keys) {
    return observation.observe("getBatch", () -> delegate.getBatch(keys));
  }

  @Override
  public Stream<BatchResponse<P>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe("list", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Stream<BatchResponse<P>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "listBetween", () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }

  @Override
  public Stream<BatchResponse<P>> scan(ScanOptions options) {
    return observation.observe("scan", () -> delegate.scan(options));
  }

  @Override
  public IndexView<P> index(String name) {
    return new ObservedIndexView<>(delegate.index(name), observation);
  }
}
