/**
 * Micrometer observations of repository operations: {@link
 * io.github.pydanticdynamo.spring.boot.observation.ObservedDynamoRepository} and {@link
 * io.github.pydanticdynamo.spring.boot.observation.ObservedAsyncDynamoRepository} wrap a repository
 * and observe each call as {@code pydantic.dynamo.operation}, tagged with the operation, the
 * entity, the table and the outcome. The auto-configuration wraps the repositories it creates when
 * Micrometer Observation is on the class path and an {@code ObservationRegistry} bean is in use.
 *
 * <pre>{@code
 * // metrics: pydantic.dynamo.operation{operation="put",entity="FilmActor",table="app-table",
 * //          outcome="success"}; traces: spans named "dynamo put"
 * }</pre>
 */
@NullMarked
package io.github.pydanticdynamo.spring.boot.observation;

import org.jspecify.annotations.NullMarked;
