/**
 * The end-to-end harness: pydantic-dynamo (sync and async), the Enhanced Client and hand-written
 * SDK code run the same operations on the local engine, alternating, directly and through a proxy
 * that delays every request.
 */
@NullMarked
package io.github.pydanticdynamo.benchmarks.endtoend;

import org.jspecify.annotations.NullMarked;
