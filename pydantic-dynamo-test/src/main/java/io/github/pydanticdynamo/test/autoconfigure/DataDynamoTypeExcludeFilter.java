package io.github.pydanticdynamo.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Keeps every component out of a {@link DataDynamoTest} unless its filters include it. */
final class DataDynamoTypeExcludeFilter
    extends StandardAnnotationCustomizableTypeExcludeFilter<DataDynamoTest> {

  DataDynamoTypeExcludeFilter(Class<?> testClass) {
    super(testClass);
  }
}
