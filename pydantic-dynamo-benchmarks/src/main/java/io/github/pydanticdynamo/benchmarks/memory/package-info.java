/**
 * The memory benchmark: batches of any size in a small heap. Each case (putBatch of a lazy source,
 * getBatch, list; sync and async) runs in its own JVM at a fixed heap on the local engine and
 * reports the live heap after each collection; {@code docs/benchmarks.md} has the command and the
 * latest table.
 */
@NullMarked
package io.github.pydanticdynamo.benchmarks.memory;

import org.jspecify.annotations.NullMarked;
