package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.spring.boot.observation.ObservedAsyncDynamoRepository;
import io.github.pydanticdynamo.spring.boot.observation.ObservedDynamoRepository;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;

/** Wraps repositories so each operation is observed, when an observation registry is in use. */
final class RepositoryObservations implements RepositoryDecorator {
  private final ObjectProvider<ObservationRegistry> registry;

  RepositoryObservations(ObjectProvider<ObservationRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public <T> DynamoRepository<T> decorate(DynamoRepository<T> repository) {
    ObservationRegistry current = registry.getIfUnique();
    return current == null || current == ObservationRegistry.NOOP
        ? repository
        : new ObservedDynamoRepository<>(repository, current);
  }

  @Override
  public <T> AsyncDynamoRepository<T> decorate(AsyncDynamoRepository<T> repository) {
    ObservationRegistry current = registry.getIfUnique();
    return current == null || current == ObservationRegistry.NOOP
        ? repository
        : new ObservedAsyncDynamoRepository<>(repository, current);
  }
}
