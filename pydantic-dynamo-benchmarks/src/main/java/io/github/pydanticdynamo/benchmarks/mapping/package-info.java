/**
 * JMH benchmarks of record ⇄ item mapping without a network: pydantic-dynamo's {@code ItemMapper},
 * the Enhanced Client's bean and immutable table schemas, and hand-written attribute code.
 */
@NullMarked
package io.github.pydanticdynamo.benchmarks.mapping;

import org.jspecify.annotations.NullMarked;
