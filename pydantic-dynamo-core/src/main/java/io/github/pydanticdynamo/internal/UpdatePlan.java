package io.github.pydanticdynamo.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A rendered UpdateItem: expression, condition and placeholders.
 *
 * @param updateExpression the SET/REMOVE expression
 * @param conditionExpression the condition, or null
 * @param names placeholder names
 * @param values placeholder values
 */
record UpdatePlan(
    String updateExpression,
    @Nullable String conditionExpression,
    Map<String, String> names,
    Map<String, AttributeValue> values) {}
