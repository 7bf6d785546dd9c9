package io.github.pydanticdynamo.internal.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionBuilderTests {
  record Address(String city, @Nullable String zip) {}

  record Profile(
      String id,
      @Nullable String name,
      @Nullable Address address,
      @Nullable Map<String, Integer> scores,
      @Nullable List<String> tags,
      long views,
      @Nullable Set<String> genres,
      double rating) {}

  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");
  private final ItemMapper<Profile> mapper =
      ItemMapper.create(
          Profile.class, null, Set.of("_timestamp", "_object_version", "_ttl", "PK", "SK"));

  private UpdatePlan render(UpdateCommand command) {
    return UpdateExpressionBuilder.render(command, mapper, "PK", NOW, Set.of(), Set.of());
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  @Test
  void rendersSetIncrementTimestampVersionAndConditions() {
    UpdatePlan plan =
        render(
            UpdateCommand.builder()
                .set("name", "N")
                .increment("views", 2)
                .currentVersion(3L)
                .build());
    assertThat(plan.updateExpression())
        .isEqualTo(
            "SET #n0 = :v0, #n1 = if_not_exists(#n1, :v1) + :v2, #n2 = :v3,"
                + " #n3 = if_not_exists(#n3, :v4) + :v5");
    assertThat(plan.conditionExpression()).isEqualTo("attribute_exists(#n4) AND #n3 = :v6");
    assertThat(plan.names())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "#n0",
                "name",
                "#n1",
                "views",
                "#n2",
                "_timestamp",
                "#n3",
                "_object_version",
                "#n4",
                "PK"));
    assertThat(plan.values())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ":v0", AttributeValue.fromS("N"),
                ":v1", n("0"),
                ":v2", n("2"),
                ":v3", AttributeValue.fromS("2024-05-06T07:08:09.123000+00:00"),
                ":v4", n("1"),
                ":v5", n("1"),
                ":v6", n("3")));
  }

  @Test
  void versionOneAlsoMatchesAnItemWithoutVersion() {
    UpdatePlan plan = render(UpdateCommand.builder().set("name", "N").currentVersion(1L).build());
    assertThat(plan.conditionExpression())
        .isEqualTo("attribute_exists(#n3) AND (#n2 = :v4 OR attribute_not_exists(#n2))");
  }

  @Test
  void rendersNestedPathsMergesAppendsRemovesAndExpiry() {
    UpdatePlan plan =
        render(
            UpdateCommand.builder()
                .set("address.city", "C")
                .merge("scores", Map.of("rt", 9))
                .append("tags", List.of("t"))
                .remove("genres")
                .expiry(Instant.parse("2030-01-01T00:00:00.700Z"))
                .requireExists(false)
                .build());
    assertThat(plan.updateExpression())
        .isEqualTo(
            "SET #n0.#n1 = :v0, #n2.#n3 = :v1, #n4 = list_append(if_not_exists(#n4, :v2), :v3),"
                + " #n6 = :v4, #n7 = :v5, #n8 = if_not_exists(#n8, :v6) + :v7 REMOVE #n5");
    assertThat(plan.conditionExpression()).isNull();
    assertThat(plan.names())
        .containsEntry("#n0", "address")
        .containsEntry("#n1", "city")
        .containsEntry("#n2", "scores")
        .containsEntry("#n3", "rt")
        .containsEntry("#n4", "tags")
        .containsEntry("#n5", "genres")
        .containsEntry("#n6", "_ttl");
    assertThat(plan.values())
        .containsEntry(":v1", n("9"))
        .containsEntry(":v2", AttributeValue.fromL(List.of()))
        .containsEntry(":v3", AttributeValue.fromL(List.of(AttributeValue.fromS("t"))))
        .containsEntry(":v4", n("1893456000"))
        .containsEntry(":v6", n("0"));
  }

  @Test
  void clearingExpiryAndSettingNullBecomeRemoves() {
    UpdatePlan plan = render(UpdateCommand.builder().set("name", null).clearExpiry().build());
    assertThat(plan.updateExpression())
        .isEqualTo("SET #n2 = :v0, #n3 = if_not_exists(#n3, :v1) + :v2 REMOVE #n0, #n1");
    assertThat(plan.names()).containsEntry("#n0", "name").containsEntry("#n1", "_ttl");
  }

  @Test
  void stateVariantsCreateMissingMapsAndStartNullTargetsOver() {
    UpdateCommand command =
        UpdateCommand.builder().merge("scores", Map.of("a", 1)).increment("views", 4).build();
    UpdatePlan plan =
        UpdateExpressionBuilder.render(
            command, mapper, "PK", NOW, Set.of("scores"), Set.of("views"));
    assertThat(plan.updateExpression())
        .isEqualTo("SET #n0 = :v0, #n1 = :v2, #n2 = :v3, #n3 = if_not_exists(#n3, :v4) + :v5");
    assertThat(plan.values().get(":v0")).isEqualTo(AttributeValue.fromM(Map.of("a", n("1"))));
    assertThat(plan.conditionExpression())
        .isEqualTo(
            "attribute_exists(#n4) AND (attribute_not_exists(#n0) OR attribute_type(#n0, :v1))");
  }

  @Test
  void theCommandIsNotChangedAndRendersTheSameTwice() {
    UpdateCommand command = UpdateCommand.builder().set("name", "x").increment("views", 1).build();
    String before = command.toString();
    assertThat(render(command)).isEqualTo(render(command));
    assertThat(command.toString()).isEqualTo(before);
  }

  @Test
  void rejectsEveryMisuseBeforeAnyRequest() {
    assertThatThrownBy(() -> render(UpdateCommand.builder().build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("changes nothing");
    assertThatThrownBy(() -> render(UpdateCommand.builder().set("nope", 1).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> render(UpdateCommand.builder().set("address.street", "x").build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("street");
    assertThatThrownBy(() -> render(UpdateCommand.builder().set("views", "lots").build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("views");
    assertThatThrownBy(() -> render(UpdateCommand.builder().increment("rating", 1).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("integral");
    assertThatThrownBy(() -> render(UpdateCommand.builder().append("genres", List.of("x")).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("use set to replace a set");
    assertThatThrownBy(() -> render(UpdateCommand.builder().merge("name", Map.of("a", 1)).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("map or nested record");
    assertThatThrownBy(() -> render(UpdateCommand.builder().merge("scores", Map.of()).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("no entries");
    assertThatThrownBy(
            () -> render(UpdateCommand.builder().merge("scores", Map.of("a", "x")).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("scores");
    assertThatThrownBy(
            () -> render(UpdateCommand.builder().increment("views", 1).set("views", 2).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                render(UpdateCommand.builder().set("address", null).remove("address.zip").build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("address");
    assertThatThrownBy(() -> UpdateCommand.builder().set(" ", 1))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void thePythonFormatStoresNullValuesAsNullAndSetsAsLists() {
    ItemMapper<Profile> python =
        ItemMapper.create(
            Profile.class,
            null,
            Set.of("_timestamp", "_object_version", "_ttl", "PK", "SK"),
            StorageFormat.PYTHON);
    java.util.Map<String, Object> zip = new java.util.HashMap<>();
    zip.put("zip", null);
    UpdatePlan plan =
        UpdateExpressionBuilder.render(
            UpdateCommand.builder()
                .set("name", null)
                .merge("address", zip)
                .set("genres", Set.of())
                .build(),
            python,
            "PK",
            NOW,
            Set.of(),
            Set.of());
    assertThat(plan.updateExpression()).startsWith("SET #n0 = :v0, #n1.#n2 = :v1, #n3 = :v2,");
    assertThat(plan.updateExpression()).doesNotContain("REMOVE");
    assertThat(plan.values())
        .containsEntry(":v0", AttributeValue.fromNul(true))
        .containsEntry(":v1", AttributeValue.fromNul(true))
        .containsEntry(":v2", AttributeValue.fromL(List.of()));
    // the standard format removes them
    assertThat(
            render(UpdateCommand.builder().set("name", null).merge("address", zip).build())
                .updateExpression())
        .contains("REMOVE #n0, #n1.#n2");
  }
}
