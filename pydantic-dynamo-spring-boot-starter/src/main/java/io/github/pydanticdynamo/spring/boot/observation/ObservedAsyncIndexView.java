package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.AsyncIndexView;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * An async index view whose queries are observed as {@code indexList}, {@code indexListBetween}.
 */
final class ObservedAsyncIndexView<T> implements AsyncIndexView<T> {
  private final AsyncIndexView<T> delegate;
  private final RepositoryObservation observation;

  ObservedAsyncIndexView(AsyncIndexView<T> delegate, RepositoryObservation observation) {
    this.delegate = delegate;
    this.observation = observation;
  }

  @Override
  public SecondaryIndex index() {
    return delegate.index();
  }

  @Override
  public Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return observation.observe(
        "indexList", () -> delegate.list(partitionIds, contentPrefix, options));
  }

  @Override
  public Publisher<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return observation.observe(
        "indexListBetween",
        () -> delegate.listBetween(partitionIds, contentStart, contentEnd, options));
  }
}
