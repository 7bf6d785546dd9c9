package io.github.pydanticdynamo.sample.films;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Review times as content ids: ISO-8601 UTC timestamps of fixed width ({@code
 * 2024-05-01T12:00:00.000Z}), so that their text order is their time order. ({@link
 * Instant#toString()} drops zero fractions, and {@code 12:00:00Z} would sort after {@code
 * 12:00:00.500Z}.)
 *
 * <pre>{@code
 * ReviewTimes.contentId(Instant.parse("2024-05-01T12:00:00Z")); // "2024-05-01T12:00:00.000Z"
 * }</pre>
 */
public final class ReviewTimes {
  /** The earliest review time the key format holds. */
  public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  /** The latest review time the key format holds. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
   * @return its fixed-width ISO-8601 form in milliseconds
   * @throws InvalidFilmDataException when the time is out of that range
   */
  public static String contentId(Instant time) {
    if (!fits(time)) {
      throw new InvalidFilmDataException(
          "time " + time + " is out of range; use a time between " + EARLIEST + " and " + LATEST);
    }
    return FORMAT.format(time);
  }
}
