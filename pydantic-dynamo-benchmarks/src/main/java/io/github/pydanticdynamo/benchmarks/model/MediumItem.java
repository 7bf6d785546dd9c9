package io.github.pydanticdynamo.benchmarks.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A medium item (about 1 KB): a film review with a nested record, a list, a set, a map, an instant,
 * a date and an enum.
 *
 * @param id the id
 * @param title the film's title
 * @param review the review text (most of the bytes)
 * @param rating 1 to 5
 * @param score a decimal score
 * @param reviewer who wrote it (nested record)
 * @param tags free tags (list)
 * @param genres genres (string set)
 * @param votes votes by source (map)
 * @param createdAt when it was written
 * @param releaseDate the film's release date
 * @param status the review's status
 */
public record MediumItem(
    String id,
    String title,
    String review,
    int rating,
    double score,
    Reviewer reviewer,
    List<String> tags,
    Set<String> genres,
    Map<String, Integer> votes,
    Instant createdAt,
    LocalDate releaseDate,
    Status status) {

  /**
   * The reviewer of a {@link MediumItem}.
   *
   * @param name the name
   * @param email the e-mail address
   * @param level the reviewer's level
   */
  public record Reviewer(String name, String email, int level) {}

  /** A review's status. */
  public enum Status {
    /** Not yet visible. */
    DRAFT,
    /** Visible. */
    PUBLISHED,
    /** Hidden again. */
    ARCHIVED
  }

  /**
   * This item with another rating (what the end-to-end updates change).
   *
   * @param newRating the rating
   * @return a copy
   */
  public MediumItem withRating(int newRating) {
    return new MediumItem(
        id,
        title,
        review,
        newRating,
        score,
        reviewer,
        tags,
        genres,
        votes,
        createdAt,
        releaseDate,
        status);
  }
}
