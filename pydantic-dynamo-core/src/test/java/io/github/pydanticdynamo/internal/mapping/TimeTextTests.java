package io.github.pydanticdynamo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeTextTests {

  @Test
  void writesPythonsIsoformat() {
    assertThat(TimeText.instant(Instant.parse("2023-01-01T00:00:00Z")))
        .isEqualTo("2023-01-01T00:00:00+00:00");
    assertThat(TimeText.instant(Instant.parse("2023-06-15T08:05:09.5Z")))
        .isEqualTo("2023-06-15T08:05:09.500000+00:00");
    assertThat(TimeText.instant(Instant.parse("2023-06-15T08:05:09.000001Z")))
        .isEqualTo("2023-06-15T08:05:09.000001+00:00");
    assertThat(TimeText.instant(Instant.parse("2023-06-15T08:05:09.123456789Z")))
        .isEqualTo("2023-06-15T08:05:09.123456789+00:00");
    assertThat(TimeText.instant(Instant.parse("0999-03-01T00:00:00Z")))
        .isEqualTo("0999-03-01T00:00:00+00:00");
    assertThat(TimeText.instant(Instant.parse("+10000-01-01T00:00:00Z")))
        .isEqualTo("+10000-01-01T00:00:00+00:00");
    assertThat(TimeText.offsetDateTime(OffsetDateTime.parse("2023-01-01T02:00:00+02:00")))
        .isEqualTo("2023-01-01T02:00:00+02:00");
    assertThat(TimeText.offsetDateTime(OffsetDateTime.parse("2023-01-01T02:00:00.25Z")))
        .isEqualTo("2023-01-01T02:00:00.250000+00:00");
    assertThat(TimeText.localDateTime(LocalDateTime.parse("2023-01-01T00:00")))
        .isEqualTo("2023-01-01T00:00:00");
    assertThat(TimeText.localTime(LocalTime.parse("10:20:30.5"))).isEqualTo("10:20:30.500000");
    assertThat(TimeText.localTime(LocalTime.parse("10:00"))).isEqualTo("10:00:00");
    assertThat(TimeText.offsetTime(OffsetTime.parse("10:00Z"))).isEqualTo("10:00:00+00:00");
  }

  @Test
  void theFastInstantTextIsTheDateTimeFormattersAndReadsBack() {
    DateTimeFormatter python =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    Random random = new Random(1);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int[] units = {1_000_000_000, 1_000, 1};
    for (int i = 0; i < 50_000; i++) {
      int unit = units[random.nextInt(units.length)];
      Instant instant =
          Instant.ofEpochSecond(
              min + (long) (random.nextDouble() * (max - min)),
              random.nextInt(1_000_000_000) / unit * unit);
      String text = TimeText.instant(instant);
      int nano = instant.getNano();
      String fraction =
          nano == 0
              ? ""
              : nano % 1000 == 0
                  ? String.format(".%06d", nano / 1000)
                  : String.format(".%09d", nano);
      assertThat(text).isEqualTo(python.format(instant) + fraction + "+00:00");
      assertThat(TimeText.parseUtcInstant(text)).isEqualTo(instant);
      assertThat(Instant.parse(text)).isEqualTo(instant);
    }
  }

  record Stamp(Instant at, @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant epoch) {}

  @Test
  void jacksonWritesTheTextUnlessAFormatIsAskedFor() throws Exception {
    ObjectMapper mapper = JacksonConfiguration.newMapper();
    Instant at = Instant.parse("2024-01-01T00:00:00Z");
    assertThat(mapper.writeValueAsString(new Stamp(at, at)))
        .isEqualTo("{\"at\":\"2024-01-01T00:00:00+00:00\",\"epoch\":1704067200.000000000}");
    assertThat(mapper.readValue("\"2024-01-01T02:00:00+02:00\"", Instant.class)).isEqualTo(at);
    assertThat(mapper.readValue("\"2024-01-01T00:00:00Z\"", Instant.class)).isEqualTo(at);
  }
}
