/**
 * The films domain: {@link io.github.pydanticdynamo.sample.films.FilmActor} and {@link
 * io.github.pydanticdynamo.sample.films.ActorReview} records, and the services that store them
 * through injected repositories.
 *
 * <p>Both live in one table. Actors share one partition (no partition ids), so listing that
 * partition lists every actor; an actor's reviews are partitioned by the actor's id, with the
 * review's creation time (a fixed-width ISO-8601 UTC timestamp) and the review id as content ids,
 * so a query returns them in time order and {@code listBetween} selects a time range.
 */
@NullMarked
package io.github.pydanticdynamo.sample.films;

import org.jspecify.annotations.NullMarked;
