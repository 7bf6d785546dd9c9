package io.github.pydanticdynamo.internal.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as Python's {@code isoformat()} writes them: {@code 2023-01-01T00:00:00+00:00},
 * {@code 2023-01-01T12:30:00.500000+00:00}, {@code 10:20:30.500000}. The fraction is left out when
 * it is zero and has six digits otherwise, or nine when the value has nanoseconds a microsecond
 * cannot hold; UTC is {@code +00:00}, never {@code Z}. Two UTC instants' texts (years 0000 to 9999)
 * sort as the instants do: {@code +} sorts before {@code .} and before every digit, so a shorter
 * text is never placed after a later one.
 */
public final class TimeText {
  private static final String UTC = "+00:00";

  private TimeText() {}

  /** An instant in UTC: {@code 2023-01-01T00:00:00+00:00}. */
  public static String instant(Instant instant) {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    int nano = instant.getNano();
    if (days < MIN_FAST_DAY || days > MAX_FAST_DAY) {
      StringBuilder text = new StringBuilder(40);
      dateTime(text, LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC));
      return text.append(UTC).toString();
    }
    char[] text = new char[19 + fractionLength(nano) + 6];
    civilDate(text, days);
    text[10] = 'T';
    twoDigits(text, 11, secondOfDay / 3600);
    text[13] = ':';
    twoDigits(text, 14, secondOfDay / 60 % 60);
    text[16] = ':';
    twoDigits(text, 17, secondOfDay % 60);
    int at = fraction(text, 19, nano);
    UTC.getChars(0, 6, text, at);
    return new String(text);
  }

  /** Whether {@link #instant} writes this instant digit by digit (years 0 to 9999). */
  static boolean fastInstant(Instant instant) {
    long days = Math.floorDiv(instant.getEpochSecond(), 86_400L);
    return days >= MIN_FAST_DAY && days <= MAX_FAST_DAY;
  }

  /** A date and time with its own offset: {@code 2023-01-01T02:00:00+02:00}. */
  public static String offsetDateTime(OffsetDateTime value) {
    StringBuilder text = new StringBuilder(40);
    dateTime(text, value.toLocalDateTime());
    return text.append(offset(value.getOffset())).toString();
  }

  /** A date and time without an offset: {@code 2023-01-01T00:00:00}. */
  public static String localDateTime(LocalDateTime value) {
    StringBuilder text = new StringBuilder(32);
    dateTime(text, value);
    return text.toString();
  }

  /** A time of day: {@code 10:20:30}, {@code 10:20:30.500000}. */
  public static String localTime(LocalTime value) {
    StringBuilder text = new StringBuilder(18);
    time(text, value);
    return text.toString();
  }

  /** A time of day with an offset: {@code 10:00:00+00:00}. */
  public static String offsetTime(OffsetTime value) {
    StringBuilder text = new StringBuilder(24);
    time(text, value.toLocalTime());
    return text.append(offset(value.getOffset())).toString();
  }

  /** A date: {@code 2024-02-29}. */
  public static String date(LocalDate date) {
    return date.toString();
  }

  /** Python's offset text: {@code +00:00} for UTC, else the offset's id ({@code +02:00}). */
  static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? UTC : offset.getId();
  }

  /**
   * An instant written {@code YYYY-MM-DDTHH:MM:SS[.fraction]} and then {@code Z} or {@code +00:00}
   * (one to nine fraction digits), as this library wrote and writes them; null for any other form.
   */
  static @Nullable Instant parseUtcInstant(String s) {
    int length = s.length();
    int end;
    if (length >= 20 && s.charAt(length - 1) == 'Z') {
      end = length - 1;
    } else if (length >= 25 && s.endsWith(UTC)) {
      end = length - 6;
    } else {
      return null;
    }
    if (s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    LocalDate date = TextCodec.isoDate(s);
    int hour = TextCodec.digits(s, 11, 13);
    int minute = TextCodec.digits(s, 14, 16);
    int second = TextCodec.digits(s, 17, 19);
    if (date == null
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nano = 0;
    if (end > 19) {
      int fractionDigits = end - 20;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = TextCodec.digits(s, 20, end);
      if (fraction < 0) {
        return null;
      }
      nano = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nano *= 10;
      }
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nano);
  }

  // 0000-01-01 and 9999-12-31 as epoch days: four-digit years are written without LocalDate.
  private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  private static void dateTime(StringBuilder text, LocalDateTime value) {
    text.append(value.toLocalDate()).append('T');
    time(text, value.toLocalTime());
  }

  private static void time(StringBuilder text, LocalTime value) {
    char[] chars = new char[8 + fractionLength(value.getNano())];
    twoDigits(chars, 0, value.getHour());
    chars[2] = ':';
    twoDigits(chars, 3, value.getMinute());
    chars[5] = ':';
    twoDigits(chars, 6, value.getSecond());
    fraction(chars, 8, value.getNano());
    text.append(chars);
  }

  private static int fractionLength(int nano) {
    return nano == 0 ? 0 : nano % 1000 == 0 ? 7 : 10;
  }

  /** Writes {@code .ffffff} or {@code .fffffffff} (nothing for zero); returns the next index. */
  private static int fraction(char[] text, int at, int nano) {
    if (nano == 0) {
      return at;
    }
    int digits = nano % 1000 == 0 ? 6 : 9;
    int value = digits == 6 ? nano / 1000 : nano;
    text[at] = '.';
    for (int i = at + digits; i > at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + digits + 1;
  }

  /** Writes {@code YYYY-MM-DD} for an epoch day of years 0000 to 9999 at the start of text. */
  private static void civilDate(char[] text, long epochDay) {
    // Howard Hinnant's days_from_civil, inverted: eras of 400 years starting on March 1st.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int shiftedMonth = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    twoDigits(text, 0, year / 100);
    twoDigits(text, 2, year % 100);
    text[4] = '-';
    twoDigits(text, 5, month);
    text[7] = '-';
    twoDigits(text, 8, day);
  }

  private static void twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }
}
