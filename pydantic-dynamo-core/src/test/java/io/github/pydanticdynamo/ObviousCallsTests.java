package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The calls a first user writes compile as written (int literals, boxed values) and mean what they
 * say. A signature that refused one of them would fail this file's compilation.
 */
class ObviousCallsTests {

  @Test
  void currentVersionTakesAnIntLiteralALongAndABoxedLong() {
    int fromInt = 2;
    Long boxed = 4L;
    assertThat(
            UpdateCommand.builder().set("review", "x").currentVersion(1).build().currentVersion())
        .isEqualTo(OptionalLong.of(1));
    assertThat(UpdateCommand.builder().currentVersion(fromInt).build().currentVersion())
        .isEqualTo(OptionalLong.of(2));
    assertThat(UpdateCommand.builder().currentVersion(3L).build().currentVersion())
        .isEqualTo(OptionalLong.of(3));
    assertThat(UpdateCommand.builder().currentVersion(boxed).build().currentVersion())
        .isEqualTo(OptionalLong.of(4));
  }

  @Test
  void clearCurrentVersionRemovesTheCheckAgain() {
    UpdateCommand checked = UpdateCommand.builder().set("review", "x").currentVersion(5).build();
    UpdateCommand unchecked = checked.toBuilder().clearCurrentVersion().build();
    assertThat(unchecked.currentVersion()).isEmpty();
    assertThat(checked.currentVersion()).isEqualTo(OptionalLong.of(5));
    assertThat(unchecked.actions()).isEqualTo(checked.actions());
  }

  @Test
  void currentVersionBelowOneIsRefusedWithTheValue() {
    assertThatThrownBy(() -> UpdateCommand.builder().currentVersion(0))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("currentVersion 0")
        .hasMessageContaining("start at 1");
  }

  @Test
  void commandsAndOptionsTakePlainLiterals() {
    UpdateCommand command =
        UpdateCommand.builder()
            .increment("views", 1)
            .merge("scores", Map.of("imdb", 8))
            .append("tags", List.of("drama"))
            .expiry(Instant.parse("2030-01-01T00:00:00Z"))
            .requireExists(false)
            .build();
    assertThat(command.actions()).hasSize(3);
    assertThat(command.requireExists()).isFalse();

    QueryOptions options =
        QueryOptions.builder().limit(10).pageSize(25).consistentRead(true).ascending(false).build();
    assertThat(options.limit()).isEqualTo(10);
    assertThat(options.pageSize()).isEqualTo(25);
    assertThat(options.consistentRead()).isTrue();

    FilterCommand filter =
        FilterCommand.builder().greaterThan("views", 3).in("rank", List.of(1, 2)).build();
    assertThat(filter.conditions()).hasSize(2);

    PartitionedContent<String> content =
        PartitionedContent.of(List.of("p"), List.of("c"), "item").withVersion(2);
    assertThat(content.currentVersion()).isEqualTo(2);
  }
}
