package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.sample.films.ActorReview;
import io.github.pydanticdynamo.sample.films.FilmActor;
import io.github.pydanticdynamo.sample.films.ReviewTimes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/import}: actors and reviews, each list optional. */
record ImportRequest(
    @Size(max = 1000) List<@Valid @NotNull NewActor> actors,
    @Size(max = 1000) List<@Valid @NotNull ImportedReview> reviews) {

  ImportRequest(@Nullable List<NewActor> actors, @Nullable List<ImportedReview> reviews) {
    this.actors = actors == null ? List.of() : actors;
    this.reviews = reviews == null ? List.of() : reviews;
  }

  List<FilmActor> toActors() {
    return actors.stream().map(NewActor::toActor).toList();
  }

  List<ActorReview> toReviews() {
    return reviews.stream().map(ImportedReview::toReview).toList();
  }

  /** A review to import: its id and time are kept, and form its key. */
  record ImportedReview(
      @NotBlank @Size(max = 64) String id,
      @NotBlank @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String actorId,
      @NotNull @PastOrPresent Instant created,
      @NotBlank @Size(max = 2000) String review) {

    ActorReview toReview() {
      return new ActorReview(id, actorId, ReviewTimes.truncate(created), review);
    }
  }
}
