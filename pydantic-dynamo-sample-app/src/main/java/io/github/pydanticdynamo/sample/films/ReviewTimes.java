package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.ContentIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Review times as content ids: {@link ContentIds#of(Instant)}, Python's ISO text of the UTC time
 * ({@code 2024-05-01T12:00:00+00:00}, {@code 2024-05-01T12:00:00.500000+00:00}), whose text order
 * is their time order and which a Python service sharing the table writes alike. ({@link
 * Instant#toString()} would not do: {@code 12:00:00Z} sorts after {@code 12:00:00.500Z}.)
 *
 * <pre>{@code
 * ReviewTimes.contentId(Instant.parse("2024-05-01T12:00:00Z")); // "2024-05-01T12:00:00+00:00"
 * }</pre>
 */
public final class ReviewTimes {
  /** The earliest review time the key format holds. */
  public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  /** The latest review time the key format holds. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private ReviewTimes() {}

  /**
   * The time as stored: truncated to milliseconds.
   *
   * @param time a time
   * @return the time in whole milliseconds
   */
  public static Instant truncate(Instant time) {
    return time.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Whether the key format holds this time (years 1000 to 9999).
   *
   * @param time a time
   * @return true when it can be a content id
   */
  public static boolean fits(Instant time) {
    return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
  }

  /**
   * The content id of a time.
   *
   * @param time a time between {@link #EARLIEST} and {@link #LATEST}
   * @return its id, from {@link ContentIds#of(Instant)}
   * @throws InvalidFilmDataException when the time is out of that range
   */
  public static String contentId(Instant time) {
    if (!fits(time)) {
      throw new InvalidFilmDataException(
          "time " + time + " is out of range; use a time between " + EARLIEST + " and " + LATEST);
    }
    return ContentIds.of(time);
  }
}
