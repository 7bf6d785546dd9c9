/**
 * The benchmark models, three times over: records (pydantic-dynamo and hand-written code), mutable
 * beans ({@code TableSchema.fromBean}) and immutable classes with builders ({@code
 * TableSchema.fromImmutableClass}), holding equal data; plus the hand-written attribute code.
 */
@NullMarked
package io.github.pydanticdynamo.benchmarks.model;

import org.jspecify.annotations.NullMarked;
