package io.github.pydanticdynamo.internal.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * UUID, Instant and LocalDate: UUID and LocalDate written as {@code toString}, Instant as {@link
 * TimeText#instant}; each read back only in the forms this library writes or wrote.
 */
final class TextCodec extends ValueCodec {
  private final Class<?> type;
  private final Function<String, @Nullable Object> parse;

  private TextCodec(Class<?> type, Function<String, @Nullable Object> parse) {
    this.type = type;
    this.parse = parse;
  }

  @Override
  AttributeValue write(Object value, boolean atProperty) {
    if (!type.isInstance(value)) {
      throw Bail.INSTANCE;
    }
    return AttributeValue.createS(
        value instanceof Instant instant ? TimeText.instant(instant) : value.toString());
  }

  @Override
  long check(Object value, boolean atProperty, int level) {
    if (!type.isInstance(value)
        || (value instanceof Instant instant && !TimeText.fastInstant(instant))) {
      throw Bail.INSTANCE; // instants past year 9999 are left to the write to report or write
    }
    return TEXT_BOUND;
  }

  @Override
  Object read(AttributeValue value) {
    String s = value.s();
    Object read = s == null ? null : parse.apply(s);
    if (read == null) {
      throw Bail.INSTANCE;
    }
    return read;
  }

  static final ValueCodec UUID_CODEC =
      new TextCodec(UUID.class, s -> isCanonicalUuid(s) ? UUID.fromString(s) : null);
  static final ValueCodec INSTANT = new TextCodec(Instant.class, TextCodec::readInstant);
  static final ValueCodec LOCAL_DATE =
      new TextCodec(LocalDate.class, s -> s.length() == 10 ? isoDate(s) : null);

  /** {@code 8-4-4-4-12} hexadecimal digits, the only form UUID.toString writes. */
  static boolean isCanonicalUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash
          ? c != '-'
          : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * An instant as this library writes it ({@code 2024-05-01T10:15:30.123000+00:00}) or wrote it
   * ({@code 2024-05-01T10:15:30.123Z}), or null.
   */
  static @Nullable Instant readInstant(String s) {
    int length = s.length();
    if (length < 20 || s.charAt(10) != 'T') {
      return null;
    }
    Instant fast = TimeText.parseUtcInstant(s);
    if (fast != null || s.charAt(length - 1) != 'Z') {
      return fast; // other offsets are read by Jackson's path
    }
    try {
      return Instant.parse(s); // leap seconds, 24:00 and other rare forms
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The number written by {@code s[from, to)}'s ASCII digits, or -1 when one is not a digit. */
  static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * The date {@code YYYY-MM-DD} at the start of {@code s} (a four-digit year), as {@code
   * LocalDate.parse} reads it; null when it is not one or not a valid date.
   */
  static @Nullable LocalDate isoDate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // February 30th and the like
    }
  }

  /**
   * The instant {@code YYYY-MM-DDTHH:MM:SS[.fraction]} then {@code Z} or {@code +00:00}, as {@code
   * Instant.parse} reads it; null for any other form (including the rare ones Instant.parse also
   * reads: leap seconds, 24:00).
   */
  static @Nullable Instant isoInstant(String s) {
    return TimeText.parseUtcInstant(s);
  }
}
