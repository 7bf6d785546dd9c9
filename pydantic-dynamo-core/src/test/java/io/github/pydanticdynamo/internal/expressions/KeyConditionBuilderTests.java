package io.github.pydanticdynamo.internal.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.internal.expressions.KeyConditionBuilder.KeyCondition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyConditionBuilderTests {
  private final KeyConditionBuilder builder = new KeyConditionBuilder("PK", "SK");

  @Test
  void beginsWithHandsBackThePlaceholdersOfBothKeyAttributes() {
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition = builder.beginsWith(ctx, "app#actors#a", "review#");

    assertThat(condition.expression()).isEqualTo("#n0 = :v0 AND begins_with(#n1, :v1)");
    assertThat(condition.partitionKey()).isEqualTo("#n0");
    assertThat(condition.sortKey()).isEqualTo("#n1");
    assertThat(condition.keyProjection()).isEqualTo("#n0, #n1");
    assertThat(ctx.names()).isEqualTo(Map.of("#n0", "PK", "#n1", "SK"));
    assertThat(ctx.values())
        .isEqualTo(
            Map.of(
                ":v0", AttributeValue.fromS("app#actors#a"),
                ":v1", AttributeValue.fromS("review#")));
  }

  @Test
  void betweenBoundsTheSortKeyOnBothSides() {
    ExpressionContext ctx = new ExpressionContext();
    KeyCondition condition = builder.between(ctx, "app#actors#a", "review#1", "review#9");

    assertThat(condition.expression()).isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
    assertThat(condition.keyProjection()).isEqualTo("#n0, #n1");
    assertThat(ctx.values())
        .containsEntry(":v1", AttributeValue.fromS("review#1"))
        .containsEntry(":v2", AttributeValue.fromS("review#9"));
  }

  @Test
  void placeholdersFollowThoseAlreadyInTheContext() {
    ExpressionContext ctx = new ExpressionContext();
    ctx.name("title");
    ctx.value(AttributeValue.fromS("x"));
    KeyCondition condition = builder.beginsWith(ctx, "p", "s");

    assertThat(condition.partitionKey()).isEqualTo("#n1");
    assertThat(condition.sortKey()).isEqualTo("#n2");
    assertThat(condition.expression()).isEqualTo("#n1 = :v1 AND begins_with(#n2, :v2)");
  }
}
