package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.IndexView;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** An index view whose queries are observed as {@code indexList} and {@code indexListBetween}. */
final class ObservedIndexView<T> implements IndexView<T> {
  private final IndexView<T> delegate;
  private final RepositoryObservation observation;

  ObservedIndexView(IndexView<T> delegate, RepositoryObservation observation) {
    this.delegate = delegate;
    this.observation = observation;
  }

  @Override
  public SecondaryIndex index() {
    return delegate.index();
  }

  @Override
  public Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe(
        "indexList", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "indexListBetween",
        () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }
}
