/**
 * Benchmarks of pydantic-dynamo against the AWS SDK Enhanced Client and hand-written SDK code: JMH
 * mapping benchmarks ({@code mapping}) and an end-to-end harness on the local engine ({@code
 * endtoend}). Not a published module; {@code docs/benchmarks.md} has the commands and results.
 */
@NullMarked
package io.github.pydanticdynamo.benchmarks;

import org.jspecify.annotations.NullMarked;
