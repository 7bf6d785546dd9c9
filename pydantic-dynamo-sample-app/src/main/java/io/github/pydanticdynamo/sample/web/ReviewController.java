package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.sample.films.ActorReview;
import io.github.pydanticdynamo.sample.films.FilmActor;
import io.github.pydanticdynamo.sample.films.ReviewPage;
import io.github.pydanticdynamo.sample.films.ReviewService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/actors/{actorId}/reviews}: add a review, list them newest first (optionally within a
 * time range) a page at a time, and delete them all.
 */
@RestController
@RequestMapping("/api/actors/{actorId}/reviews")
class ReviewController {
  private final ReviewService reviews;

  ReviewController(ReviewService reviews) {
    this.reviews = reviews;
  }

  @PostMapping
  ResponseEntity<ActorReview> add(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String actorId,
      @Valid @RequestBody NewReview review) {
    ActorReview added = reviews.add(actorId, review.review().strip());
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  /**
   * Lists reviews newest first. With {@code from} and {@code to} (ISO-8601 instants such as {@code
   * 2024-05-01T12:00:00Z}, or dates such as {@code 2024-05-01} for their start in UTC), only those
   * written from {@code from} up to, not including, {@code to}. {@code next} continues a listing
   * where its previous page ended.
   */
  @GetMapping
  ReviewPage list(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String actorId,
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String next,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    if (from == null && to == null) {
      return reviews.newest(actorId, limit, next);
    }
    if (from == null || to == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "send both 'from' and 'to' to list a time range, or neither");
    }
    return reviews.between(actorId, time("from", from), time("to", to), limit, next);
  }

  @DeleteMapping
  DeletedReviews deleteAll(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String actorId) {
    return new DeletedReviews(actorId, reviews.deleteAll(actorId));
  }

  private static Instant time(String name, String value) {
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "'"
              + name
              + "' is "
              + value
              + ", which is neither an ISO-8601 date (2024-05-01) nor an instant"
              + " (2024-05-01T12:00:00Z)");
    }
  }
}
