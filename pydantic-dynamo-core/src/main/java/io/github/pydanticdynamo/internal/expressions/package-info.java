/**
 * DynamoDB expressions, every attribute name and value through a placeholder of one {@code
 * ExpressionContext} (so reserved words, dots and dashes are safe): key conditions ({@code
 * KeyConditionBuilder}, which hands back the placeholders it gave the key attributes), filters
 * ({@code FilterExpressionBuilder}; NOT_EXISTS matches missing or NULL attributes, as the Python
 * library stored None as NULL) and updates ({@code UpdateExpressionBuilder}, which also sets {@code
 * _timestamp} and raises {@code _object_version}, and renders two variants for stored states one
 * expression cannot handle: merged maps that are missing or NULL are set whole, NULL increment or
 * append targets start from zero or empty), and write conditions ({@code
 * ConditionExpressionBuilder}, the filter vocabulary with placeholders of its own so it joins a
 * request's own condition). Paths and values are checked and converted through the model. Pure
 * functions.
 */
@NullMarked
package io.github.pydanticdynamo.internal.expressions;

import org.jspecify.annotations.NullMarked;
