package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stores actors' reviews through the {@code DynamoRepository<ActorReview>} the starter registers. A
 * review lives in its actor's partition ({@code [actorId]}) under the content ids {@code [created,
 * id]}, so the sort key orders reviews by time, newest-first listing is a descending query, and a
 * time range is a {@code listBetween}.
 *
 * <pre>{@code
 * reviewService.add("tom-hanks", "Great in Big");
 * ReviewPage first = reviewService.newest("tom-hanks", 10, null);
 * ReviewPage second = reviewService.newest("tom-hanks", 10, first.next());
 * }</pre>
 */
@Service
public class ReviewService {
  private final DynamoRepository<ActorReview> reviews;
  private final ActorService actors;

  /**
   * Creates the service.
   *
   * @param reviews the repository, injected by generic type
   * @param actors the actors, to check that a reviewed actor exists
   */
  public ReviewService(DynamoRepository<ActorReview> reviews, ActorService actors) {
    this.reviews = reviews;
    this.actors = actors;
  }

  /**
   * The content ids of a review: its time, then its id (two reviews in one millisecond differ).
   *
   * @param review the review
   * @return {@code [created, id]}
   */
  static List<String> contentIds(ActorReview review) {
    return List.of(ReviewTimes.contentId(review.created()), review.id());
  }

  /**
   * The content of a review: its actor's partition and its content ids.
   *
   * @param review the review
   * @return the content to write
   */
  static PartitionedContent<ActorReview> content(ActorReview review) {
    return PartitionedContent.of(List.of(review.actorId()), contentIds(review), review);
  }

  /**
   * Adds a review of an actor, dated now.
   *
   * @param actorId the actor's id
   * @param text the review
   * @return the stored review
   * @throws ActorNotFoundException when there is no such actor
   */
  public ActorReview add(String actorId, String text) {
    actors.requireExists(actorId);
    Instant created = ReviewTimes.truncate(Instant.now());
    ActorReview review = new ActorReview(UUID.randomUUID().toString(), actorId, created, text);
    reviews.put(content(review));
    return review;
  }

  /**
   * One page of an actor's reviews, newest first.
   *
   * @param actorId the actor's id
   * @param limit the most reviews on the page
   * @param next the {@link ReviewPage#next()} of the previous page, or {@code null} for the first
   * @return the page
   * @throws ActorNotFoundException when there is no such actor
   * @throws io.github.pydanticdynamo.InvalidCommandException when {@code next} is not a token of
   *     this listing
   */
  public ReviewPage newest(String actorId, int limit, @Nullable String next) {
    actors.requireExists(actorId);
    return page(reviews.list(List.of(actorId), List.of(), options(limit, next)));
  }

  /**
   * One page of an actor's reviews written from {@code from} (inclusive) to {@code to} (exclusive),
   * newest first.
   *
   * @param actorId the actor's id
   * @param from the earliest time
   * @param to the time after the latest
   * @param limit the most reviews on the page
   * @param next the {@link ReviewPage#next()} of the previous page, or {@code null} for the first
   * @return the page
   * @throws ActorNotFoundException when there is no such actor
   * @throws io.github.pydanticdynamo.InvalidCommandException when {@code from} is after {@code to},
   *     or {@code next} is not a token of this listing
   */
  public ReviewPage between(
      String actorId, Instant from, Instant to, int limit, @Nullable String next) {
    actors.requireExists(actorId);
    if (from.equals(to)) {
      return new ReviewPage(List.of(), null);
    }
    // Stored ids are [time, id]: the bound [from] sorts before every review at `from`, and [to]
    // before every review at `to`, so BETWEEN [from] AND [to] is the half-open range [from, to).
    return page(
        reviews.listBetween(
            List.of(actorId),
            List.of(ReviewTimes.contentId(from)),
            List.of(ReviewTimes.contentId(to)),
            options(limit, next)));
  }

  /**
   * Deletes every review of an actor.
   *
   * @param actorId the actor's id
   * @return how many reviews were deleted
   * @throws ActorNotFoundException when there is no such actor
   */
  public long deleteAll(String actorId) {
    actors.requireExists(actorId);
    return reviews.delete(List.of(actorId), List.of());
  }

  private static QueryOptions options(int limit, @Nullable String next) {
    return QueryOptions.builder().ascending(false).limit(limit).startToken(next).build();
  }

  private static ReviewPage page(Stream<BatchResponse<ActorReview>> pages) {
    List<ActorReview> found = new ArrayList<>();
    String next = null;
    // The stream yields DynamoDB pages lazily until the limit is reached; the last page's token
    // resumes right after the last review returned.
    try (pages) {
      for (BatchResponse<ActorReview> page :
          (Iterable<BatchResponse<ActorReview>>) pages::iterator) {
        found.addAll(page.items());
        next = page.nextToken().orElse(null);
      }
    }
    return new ReviewPage(found, next);
  }
}
