package io.github.pydanticdynamo.sample.films;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTimesTests {

  @Test
  void contentIdsSortAsTheirTimes() {
    List<Instant> times =
        List.of(
            Instant.parse("2024-05-01T12:00:00Z"),
            Instant.parse("2024-05-01T12:00:00.500Z"),
            Instant.parse("2024-05-01T12:00:00.001Z"),
            Instant.parse("1999-12-31T23:59:59.999Z"),
            Instant.parse("2024-05-01T11:59:59Z"));

    List<String> ids = times.stream().map(ReviewTimes::contentId).toList();

    assertThat(ids).allSatisfy(id -> assertThat(id).endsWith("+00:00"));
    assertThat(ids.stream().sorted().toList())
        .isEqualTo(times.stream().sorted().map(ReviewTimes::contentId).toList());
    // Python's isoformat of the UTC time, as a Python service sharing the table writes it
    assertThat(ReviewTimes.contentId(Instant.parse("2024-05-01T12:00:00Z")))
        .isEqualTo("2024-05-01T12:00:00+00:00");
    assertThat(ReviewTimes.contentId(Instant.parse("2024-05-01T12:00:00.5Z")))
        .isEqualTo("2024-05-01T12:00:00.500000+00:00");
    // Instant.toString would not do: it drops zero fractions, and "…00Z" sorts after "…00.500Z"
    assertThat(
            Comparator.<String>naturalOrder()
                .compare("2024-05-01T12:00:00Z", "2024-05-01T12:00:00.500Z"))
        .isPositive();
  }

  @Test
  void timesAreStoredInWholeMilliseconds() {
    assertThat(ReviewTimes.truncate(Instant.parse("2024-05-01T12:00:00.123456789Z")))
        .isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z"));
  }

  @Test
  void timesOutsideFourDigitYearsAreRejected() {
    assertThat(ReviewTimes.fits(ReviewTimes.EARLIEST)).isTrue();
    assertThat(ReviewTimes.fits(ReviewTimes.LATEST)).isTrue();
    assertThatThrownBy(() -> ReviewTimes.contentId(Instant.parse("0999-12-31T23:59:59Z")))
        .isInstanceOf(InvalidFilmDataException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> ReviewTimes.contentId(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(InvalidFilmDataException.class);
  }
}
