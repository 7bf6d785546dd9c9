package io.github.pydanticdynamo.internal.expressions;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A rendered UpdateItem: update expression, condition (if any) and placeholders. */
public record UpdatePlan(
    String updateExpression,
    @Nullable String conditionExpression,
    Map<String, String> names,
    Map<String, AttributeValue> values) {}
