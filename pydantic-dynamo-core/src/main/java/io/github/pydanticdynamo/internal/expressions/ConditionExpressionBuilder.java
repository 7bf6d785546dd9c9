package io.github.pydanticdynamo.internal.expressions;

import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.FilterCommand.Condition;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Renders a write's condition in the filter vocabulary, checked and converted by the model, with
 * placeholders of its own ({@code #c…}, {@code :c…}) so it joins a request's other conditions.
 */
public final class ConditionExpressionBuilder {
  private ConditionExpressionBuilder() {}

  /** A rendered condition: its expression and placeholders. */
  public record Rendered(
      String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /**
     * This condition joined to a request's own: {@code existing AND this}, with both sets of
     * placeholders. Both are conjunctions whose OR-parts are parenthesized already (DynamoDB
     * rejects redundant parentheses).
     */
    public Rendered and(
        @Nullable String existing,
        @Nullable Map<String, String> existingNames,
        @Nullable Map<String, AttributeValue> existingValues) {
      Map<String, String> allNames = new HashMap<>(names);
      if (existingNames != null) {
        allNames.putAll(existingNames);
      }
      Map<String, AttributeValue> allValues = new HashMap<>(values);
      if (existingValues != null) {
        allValues.putAll(existingValues);
      }
      String joined =
          existing == null || existing.isBlank() ? expression : existing + " AND " + expression;
      return new Rendered(joined, Map.copyOf(allNames), Map.copyOf(allValues));
    }
  }

  /**
   * The condition of a put or update; rejects an empty one, an unknown attribute or a value of the
   * wrong type before any request is sent.
   */
  public static Rendered render(FilterCommand condition, ItemMapper<?> mapper) {
    if (condition.isEmpty()) {
      throw new InvalidCommandException(
          "the write's condition has no clauses; add one (for example exists(\"name\")), or call"
              + " the method without a condition");
    }
    ExpressionContext ctx = new ExpressionContext("#c", ":c");
    String expression = FilterExpressionBuilder.build(condition, mapper, ctx);
    return new Rendered(java.util.Objects.requireNonNull(expression), ctx.names(), ctx.values());
  }

  /** One clause alone, to find out after a failure which clauses hold for the stored item. */
  public static Rendered clause(Condition clause, ItemMapper<?> mapper) {
    ExpressionContext ctx = new ExpressionContext("#c", ":c");
    return new Rendered(
        FilterExpressionBuilder.render(clause, mapper, ctx), ctx.names(), ctx.values());
  }
}
