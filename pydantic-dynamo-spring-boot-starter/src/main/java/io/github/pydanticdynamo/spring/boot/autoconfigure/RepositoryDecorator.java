package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;

/** Wraps the repositories the starter creates (observations, when Micrometer is present). */
interface RepositoryDecorator {
  <T> DynamoRepository<T> decorate(DynamoRepository<T> repository);

  <T> AsyncDynamoRepository<T> decorate(AsyncDynamoRepository<T> repository);
}
