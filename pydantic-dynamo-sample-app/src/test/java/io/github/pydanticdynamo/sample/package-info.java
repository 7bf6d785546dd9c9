/**
 * The sample's tests against the local engine, and {@link
 * io.github.pydanticdynamo.sample.TestSampleApplication}, which runs the sample on it.
 */
@NullMarked
package io.github.pydanticdynamo.sample;

import org.jspecify.annotations.NullMarked;
