package io.github.pydanticdynamo.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Applies {@link DataDynamoTest#properties()}. */
final class DataDynamoTestContextBootstrapper
    extends TestSliceTestContextBootstrapper<DataDynamoTest> {}
