package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.DynamoEntity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A review of an actor, stored under the partition {@code <prefix>#reviews#<actorId>} with the
 * content ids {@code [created, id]}: the sort key {@code review#<created>#<id>} orders an actor's
 * reviews by time.
 *
 * <pre>{@code
 * new ActorReview(UUID.randomUUID().toString(), "tom-hanks", Instant.now(), "Great in Big")
 * }</pre>
 *
 * @param id the review's id (a UUID for reviews added through the API)
 * @param actorId the id of the reviewed actor
 * @param created when the review was written, in milliseconds
 * @param review the text
 */
@DynamoEntity(contentType = "review", partitionName = "reviews")
public record ActorReview(
    @NotBlank @Size(max = 64) String id,
    @NotBlank @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
        String actorId,
    @NotNull Instant created,
    @NotBlank @Size(max = 2000) String review) {}
