package io.github.pydanticdynamo.internal.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FilterExpressionBuilderTests {
  record Film(
      String title,
      @Nullable String review,
      int year,
      @Nullable LocalDate released,
      @Nullable List<String> tags) {}

  private final ItemMapper<Film> mapper = ItemMapper.create(Film.class, null, Set.of("PK", "SK"));

  @Test
  void anEmptyFilterRendersNothing() {
    ExpressionContext ctx = new ExpressionContext();
    assertThat(FilterExpressionBuilder.build(null, mapper, ctx)).isNull();
    assertThat(FilterExpressionBuilder.build(FilterCommand.builder().build(), mapper, ctx))
        .isNull();
    assertThat(ctx.names()).isEmpty();
  }

  @Test
  void rendersEveryOperatorWithPlaceholdersInOrder() {
    FilterCommand filter =
        FilterCommand.builder()
            .notExists("review")
            .exists("title")
            .equalTo("year", 1999)
            .notEqualTo("title", "x")
            .beginsWith("title", "The")
            .contains("tags", "noir")
            .lessThan("year", 2000)
            .lessThanOrEqual("year", 2000)
            .greaterThan("released", "1990-01-01")
            .greaterThanOrEqual("year", 1)
            .between("year", 1990, 1999)
            .in("title", List.of("a", "b"))
            .build();
    ExpressionContext ctx = new ExpressionContext();
    String expression = FilterExpressionBuilder.build(filter, mapper, ctx);
    assertThat(expression)
        .isEqualTo(
            "(attribute_not_exists(#n0) OR attribute_type(#n0, :v0))"
                + " AND (attribute_exists(#n1) AND NOT attribute_type(#n1, :v1))"
                + " AND #n2 = :v2 AND #n1 <> :v3 AND begins_with(#n1, :v4) AND contains(#n3, :v5)"
                + " AND #n2 < :v6 AND #n2 <= :v7 AND #n4 > :v8 AND #n2 >= :v9"
                + " AND #n2 BETWEEN :v10 AND :v11 AND #n1 IN (:v12, :v13)");
    assertThat(ctx.names()).containsEntry("#n0", "review").containsEntry("#n4", "released");
    assertThat(ctx.values())
        .containsEntry(":v0", AttributeValue.fromS("NULL"))
        .containsEntry(":v2", AttributeValue.fromN("1999"))
        .containsEntry(":v5", AttributeValue.fromS("noir"))
        .containsEntry(":v8", AttributeValue.fromS("1990-01-01"));
  }

  @Test
  void rejectsUnknownNamesWrongTypesAndNullValues() {
    assertThatThrownBy(
            () ->
                FilterExpressionBuilder.build(
                    FilterCommand.builder().equalTo("titel", "x").build(),
                    mapper,
                    new ExpressionContext()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("titel");
    assertThatThrownBy(
            () ->
                FilterExpressionBuilder.build(
                    FilterCommand.builder().equalTo("year", "soon").build(),
                    mapper,
                    new ExpressionContext()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("year");
    assertThatThrownBy(
            () ->
                FilterExpressionBuilder.build(
                    FilterCommand.builder().beginsWith("year", "1").build(),
                    mapper,
                    new ExpressionContext()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("string");
    // null compares only by equality (issue 19): an order or a range on null means nothing
    assertThatThrownBy(() -> FilterCommand.builder().lessThan("title", null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("notExists");
    assertThatThrownBy(() -> FilterCommand.builder().in("title", List.of()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("1 to 100");
  }

  @Test
  void nullEqualityMatchesMissingOrNullAndItsNegationPresentValues() {
    ExpressionContext ctx = new ExpressionContext();
    String expression =
        FilterExpressionBuilder.build(
            FilterCommand.builder().equalTo("review", null).notEqualTo("title", null).build(),
            mapper,
            ctx);
    assertThat(expression)
        .isEqualTo(
            "(attribute_not_exists(#n0) OR attribute_type(#n0, :v0))"
                + " AND (attribute_exists(#n1) AND NOT attribute_type(#n1, :v1))");
    assertThat(ctx.values())
        .containsEntry(":v0", AttributeValue.fromS("NULL"))
        .containsEntry(":v1", AttributeValue.fromS("NULL"));
  }
}
