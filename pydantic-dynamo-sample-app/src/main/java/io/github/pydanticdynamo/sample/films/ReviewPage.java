package io.github.pydanticdynamo.sample.films;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an actor's reviews.
 *
 * @param reviews the reviews, newest first
 * @param next the token that continues the listing after this page ({@code
 *     BatchResponse.nextToken()}), or {@code null} when there is nothing more; a page that ends
 *     exactly at the last review may still carry one, and the page it leads to is empty
 */
public record ReviewPage(List<ActorReview> reviews, @Nullable String next) {
  /** Copies the reviews. */
  public ReviewPage {
    reviews = List.copyOf(reviews);
  }
}
