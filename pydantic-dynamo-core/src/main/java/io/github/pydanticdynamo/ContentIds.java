package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.mapping.TimeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Ids that sort in time order, for content ids (and partition ids) made from times: an item's sort
 * key then orders items by time, so {@code list} returns them in time order and {@code listBetween}
 * selects a time range. The text is Python's {@code isoformat()} of the UTC time, exactly what the
 * Python library writes for a {@code datetime} in UTC, and what this library writes for {@code
 * Instant} attributes, in both storage formats:
 *
 * <pre>{@code
 * ContentIds.of(Instant.parse("2024-05-01T12:00:00Z"));        // "2024-05-01T12:00:00+00:00"
 * ContentIds.of(Instant.parse("2024-05-01T12:00:00.5Z"));      // "2024-05-01T12:00:00.500000+00:00"
 * ContentIds.of(Instant.parse("2024-05-01T12:00:00.000000001Z")); // "…12:00:00.000000001+00:00"
 * ContentIds.of(LocalDate.parse("2024-02-29"));                // "2024-02-29"
 * reviews.put(PartitionedContent.of(List.of("tom-hanks"), List.of(ContentIds.of(created)), review));
 * }</pre>
 *
 * <p>The fraction is left out when it is zero and has six digits otherwise, as in Python; an
 * instant with nanoseconds a microsecond cannot hold keeps them as nine digits, which still sorts
 * in time order (Python reads such a text truncated to microseconds). {@link Instant#toString()}
 * does not sort: it ends in {@code Z}, which sorts after {@code .}, so {@code 2023-01-01T00:00:00Z}
 * would come after {@code 2023-01-01T00:00:00.500Z}. Ids of other forms (an offset other than UTC,
 * no offset) do not sort in time order against these, so write them all with this class.
 */
public final class ContentIds {
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private ContentIds() {}

  /**
   * The id of an instant: {@code 2024-05-01T12:00:00+00:00}, {@code
   * 2024-05-01T12:00:00.500000+00:00}.
   *
   * @param instant an instant in the years 0000 to 9999
   * @return its id, which sorts among other instants' ids in time order
   * @throws InvalidKeyException when the year has more than four digits or is negative (such ids
   *     would not sort)
   */
  public static String of(Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidKeyException(
          "the instant "
              + instant
              + " is outside the years 0000 to 9999, whose ids sort in time order; store such a"
              + " time as an attribute, not an id");
    }
    return TimeText.instant(instant);
  }

  /**
   * The id of a date: {@code 2024-02-29}, as Python's {@code date.isoformat()}.
   *
   * @param date a date in the years 0000 to 9999
   * @return its id, which sorts among other dates' ids in time order
   * @throws InvalidKeyException when the year has more than four digits or is negative
   */
  public static String of(LocalDate date) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new InvalidKeyException(
          "the date "
              + date
              + " is outside the years 0000 to 9999, whose ids sort in time order; store such a"
              + " date as an attribute, not an id");
    }
    return TimeText.date(date);
  }

  /**
   * The instant an id stands for: one made by {@link #of(Instant)}, one written by the Python
   * library (any offset, {@code +02:00} too), or any ISO-8601 instant ({@code
   * 2024-05-01T12:00:00Z}). An id without an offset is read as UTC.
   *
   * <pre>{@code
   * Instant created = ContentIds.toInstant(content.contentIds().get(0));
   * }</pre>
   *
   * @param id the id
   * @return the instant
   * @throws InvalidKeyException when the id is not a date and time
   */
  public static Instant toInstant(String id) {
    try {
      return OffsetDateTime.parse(id).toInstant();
    } catch (DateTimeParseException offsetMissing) {
      try {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME
            .parse(id, java.time.LocalDateTime::from)
            .toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeException e) {
        throw new InvalidKeyException(
            "the id '"
                + id
                + "' is not an ISO-8601 date and time (such as 2024-05-01T12:00:00+00:00); it was"
                + " not made by ContentIds.of",
            e);
      }
    }
  }
}
