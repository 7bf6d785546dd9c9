package io.github.pydanticdynamo.internal.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.expressions.ConditionExpressionBuilder.Rendered;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ConditionExpressionBuilderTests {
  record Film(String title, @Nullable String review, int year) {}

  private final ItemMapper<Film> mapper = ItemMapper.create(Film.class, null, Set.of("PK", "SK"));

  @Test
  void rendersTheFilterVocabularyWithPlaceholdersOfItsOwn() {
    Rendered rendered =
        ConditionExpressionBuilder.render(
            FilterCommand.builder().notExists("review").equalTo("year", 1999).build(), mapper);

    assertThat(rendered.expression())
        .isEqualTo("(attribute_not_exists(#c0) OR attribute_type(#c0, :c0)) AND #c1 = :c1");
    assertThat(rendered.names()).isEqualTo(Map.of("#c0", "review", "#c1", "year"));
    assertThat(rendered.values().get(":c1")).isEqualTo(AttributeValue.fromN("1999"));
  }

  @Test
  void joinsARequestsOwnConditionWithoutRedundantParentheses() {
    Rendered rendered =
        ConditionExpressionBuilder.render(FilterCommand.builder().exists("title").build(), mapper)
            .and(
                "attribute_exists(#n0)",
                Map.of("#n0", "PK"),
                Map.of(":v0", AttributeValue.fromN("1")));

    assertThat(rendered.expression())
        .isEqualTo(
            "attribute_exists(#n0) AND (attribute_exists(#c0) AND NOT attribute_type(#c0, :c0))");
    assertThat(rendered.names()).containsOnlyKeys("#n0", "#c0");
    assertThat(rendered.values()).containsOnlyKeys(":v0", ":c0");
    assertThat(
            ConditionExpressionBuilder.render(
                    FilterCommand.builder().exists("title").build(), mapper)
                .and(null, null, null)
                .expression())
        .startsWith("(attribute_exists(#c0)");
  }

  @Test
  void rejectsAnEmptyConditionAnUnknownAttributeAndAWrongValueType() {
    assertThatThrownBy(
            () -> ConditionExpressionBuilder.render(FilterCommand.builder().build(), mapper))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("no clauses");
    assertThatThrownBy(
            () ->
                ConditionExpressionBuilder.render(
                    FilterCommand.builder().exists("tilte").build(), mapper))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("tilte");
    assertThatThrownBy(
            () ->
                ConditionExpressionBuilder.render(
                    FilterCommand.builder().equalTo("year", "recent").build(), mapper))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("year");
  }
}
