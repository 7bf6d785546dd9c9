package io.github.pydanticdynamo.internal.expressions;

import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.FilterCommand.Condition;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders a {@link FilterCommand} as a filter expression, checked and converted by the model. */
public final class FilterExpressionBuilder {
  private static final AttributeValue NULL_TYPE = AttributeValue.fromS("NULL");

  private FilterExpressionBuilder() {}

  /** The filter expression, or null for an empty filter. */
  public static @Nullable String build(
      @Nullable FilterCommand filter, ItemMapper<?> mapper, ExpressionContext context) {
    if (filter == null || filter.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>(filter.conditions().size());
    for (Condition condition : filter.conditions()) {
      parts.add(render(condition, mapper, context));
    }
    return String.join(" AND ", parts);
  }

  static String render(Condition condition, ItemMapper<?> mapper, ExpressionContext ctx) {
    AttributePath path = mapper.schema().resolve(condition.path());
    String name = ctx.path(path.segments());
    List<@Nullable Object> values = condition.values();
    return switch (condition.operator()) {
      case NOT_EXISTS -> absentOrNull(name, ctx);
      case EXISTS -> presentNotNull(name, ctx);
      case EQUAL_TO ->
          values.get(0) == null
              ? absentOrNull(name, ctx)
              : name + " = " + value(mapper, path, values.get(0), ctx);
      case NOT_EQUAL_TO ->
          values.get(0) == null
              ? presentNotNull(name, ctx)
              : name + " <> " + value(mapper, path, values.get(0), ctx);
      case LESS_THAN -> name + " < " + value(mapper, path, values.get(0), ctx);
      case LESS_THAN_OR_EQUAL -> name + " <= " + value(mapper, path, values.get(0), ctx);
      case GREATER_THAN -> name + " > " + value(mapper, path, values.get(0), ctx);
      case GREATER_THAN_OR_EQUAL -> name + " >= " + value(mapper, path, values.get(0), ctx);
      case BETWEEN ->
          name
              + " BETWEEN "
              + value(mapper, path, values.get(0), ctx)
              + " AND "
              + value(mapper, path, values.get(1), ctx);
      case IN -> {
        List<String> placeholders = new ArrayList<>(values.size());
        for (Object value : values) {
          placeholders.add(value(mapper, path, value, ctx));
        }
        yield name + " IN (" + String.join(", ", placeholders) + ")";
      }
      case BEGINS_WITH -> {
        requireKind(path, condition, AttributePath.Kind.STRING, AttributePath.Kind.ANY);
        yield "begins_with("
            + name
            + ", "
            + ctx.value(AttributeValue.fromS(String.valueOf(values.get(0))))
            + ")";
      }
      case CONTAINS -> {
        AttributePath.Kind kind = path.kind();
        AttributeValue operand;
        if (kind == AttributePath.Kind.LIST || kind == AttributePath.Kind.SET) {
          operand = mapper.toElementAttributeValue(path, values.get(0));
        } else if (kind == AttributePath.Kind.STRING) {
          operand = AttributeValue.fromS(String.valueOf(values.get(0)));
        } else if (kind == AttributePath.Kind.ANY) {
          operand = mapper.toAttributeValue(path, values.get(0));
        } else {
          throw new InvalidCommandException(
              "contains on '"
                  + path.dotted()
                  + "' needs a string, list or set attribute; it is "
                  + path.kind());
        }
        yield "contains(" + name + ", " + ctx.value(operand) + ")";
      }
    };
  }

  /** Present and not NULL. */
  private static String presentNotNull(String name, ExpressionContext ctx) {
    return "(attribute_exists("
        + name
        + ") AND NOT attribute_type("
        + name
        + ", "
        + ctx.value(NULL_TYPE)
        + "))";
  }

  /** Missing or stored as NULL (the Python library stored None as NULL). */
  static String absentOrNull(String name, ExpressionContext ctx) {
    return "(attribute_not_exists("
        + name
        + ") OR attribute_type("
        + name
        + ", "
        + ctx.value(NULL_TYPE)
        + "))";
  }

  private static String value(
      ItemMapper<?> mapper, AttributePath path, @Nullable Object value, ExpressionContext ctx) {
    return ctx.value(mapper.toAttributeValue(path, value));
  }

  private static void requireKind(
      AttributePath path, Condition condition, AttributePath.Kind... kinds) {
    for (AttributePath.Kind kind : kinds) {
      if (path.kind() == kind) {
        return;
      }
    }
    throw new InvalidCommandException(
        condition.operator()
            + " on '"
            + path.dotted()
            + "' needs a string attribute; it is "
            + path.kind());
  }
}
