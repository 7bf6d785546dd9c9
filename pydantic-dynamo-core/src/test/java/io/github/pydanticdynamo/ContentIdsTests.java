package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentIdsTests {

  /** DynamoDB orders sort keys by their UTF-8 bytes. */
  private static final Comparator<String> UTF8 =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  @Test
  void idsSortInTimeOrderAcrossWholeSecondsMillisMicrosAndNanos() {
    Instant second = Instant.parse("2024-05-01T12:00:00Z");
    List<Instant> times =
        new ArrayList<>(
            List.of(
                second,
                second.plusNanos(1),
                second.plusNanos(999),
                second.plusNanos(1_000),
                second.plusNanos(1_001),
                second.plusMillis(1),
                second.plusNanos(1_000_001),
                second.plusMillis(500),
                second.plusNanos(500_000_001),
                second.plusNanos(999_999_999),
                second.plusSeconds(1),
                second.minusNanos(1),
                second.minusSeconds(1),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z")));
    Random random = new Random(19);
    int[] precisions = {1_000_000_000, 1_000_000, 1_000, 1};
    for (int i = 0; i < 20_000; i++) {
      long seconds = second.getEpochSecond() + random.nextInt(5) - 2;
      int unit = precisions[random.nextInt(precisions.length)];
      times.add(Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000) / unit * unit));
    }

    List<String> byTime = times.stream().sorted().map(ContentIds::of).toList();
    List<String> byId = times.stream().map(ContentIds::of).sorted(UTF8).toList();

    assertThat(byId).isEqualTo(byTime);
    // Instant.toString would not do: "…00Z" sorts after "…00.500Z"
    assertThat(UTF8.compare(second.toString(), second.plusMillis(500).toString())).isPositive();
  }

  @Test
  void idsAreWhatThePythonLibraryWritesForTheSameInstant() {
    PythonVectors.file("queries.json")
        .get("items")
        .forEach(
            item ->
                assertThat(ContentIds.of(Instant.parse(item.get("at").asText())))
                    .isEqualTo(item.get("content_ids").get(0).asText()));
    assertThat(ContentIds.of(Instant.parse("2024-05-01T12:00:00Z")))
        .isEqualTo("2024-05-01T12:00:00+00:00");
    assertThat(ContentIds.of(Instant.parse("2024-05-01T12:00:00.5Z")))
        .isEqualTo("2024-05-01T12:00:00.500000+00:00");
    assertThat(ContentIds.of(Instant.parse("2024-05-01T12:00:00.000000001Z")))
        .isEqualTo("2024-05-01T12:00:00.000000001+00:00");
    assertThat(ContentIds.of(LocalDate.parse("2024-02-29"))).isEqualTo("2024-02-29");
  }

  @Test
  void idsReadBackAsTheirInstants() {
    Instant time = Instant.parse("2024-05-01T12:00:00.123456789Z");
    assertThat(ContentIds.toInstant(ContentIds.of(time))).isEqualTo(time);
    assertThat(ContentIds.toInstant("2023-01-01T01:00:00+02:00"))
        .isEqualTo(Instant.parse("2022-12-31T23:00:00Z"));
    assertThat(ContentIds.toInstant("2023-01-01T00:30:00.250000"))
        .isEqualTo(Instant.parse("2023-01-01T00:30:00.25Z"));
    assertThat(ContentIds.toInstant("2023-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    assertThatThrownBy(() -> ContentIds.toInstant("tom-hanks"))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("'tom-hanks'");
  }

  @Test
  void yearsOutsideFourDigitsAreRefused() {
    assertThatThrownBy(() -> ContentIds.of(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("0000 to 9999");
    assertThatThrownBy(() -> ContentIds.of(LocalDate.of(-1, 1, 1)))
        .isInstanceOf(InvalidKeyException.class);
  }
}
