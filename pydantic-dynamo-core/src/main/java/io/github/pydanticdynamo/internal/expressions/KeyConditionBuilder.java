package io.github.pydanticdynamo.internal.expressions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders a query's key condition and hands back the placeholders of the two key attributes. */
public final class KeyConditionBuilder {
  private final String partitionKeyName;
  private final String sortKeyName;

  /**
   * A builder for a table whose key attributes are {@code partitionKeyName} and {@code
   * sortKeyName}.
   */
  public KeyConditionBuilder(String partitionKeyName, String sortKeyName) {
    this.partitionKeyName = partitionKeyName;
    this.sortKeyName = sortKeyName;
  }

  /**
   * A rendered key condition.
   *
   * @param expression the KeyConditionExpression
   * @param partitionKey the name placeholder of the partition key attribute
   * @param sortKey the name placeholder of the sort key attribute
   */
  public record KeyCondition(String expression, String partitionKey, String sortKey) {

    /** The two key attributes as a projection ({@code #n0, #n1}). */
    public String keyProjection() {
      return partitionKey + ", " + sortKey;
    }
  }

  /** {@code pk = :partitionKey AND begins_with(sk, :prefix)}. */
  public KeyCondition beginsWith(ExpressionContext ctx, String partitionKey, String prefix) {
    String pk = ctx.name(partitionKeyName);
    String partition = pk + " = " + value(ctx, partitionKey);
    String sk = ctx.name(sortKeyName);
    return new KeyCondition(
        partition + " AND begins_with(" + sk + ", " + value(ctx, prefix) + ")", pk, sk);
  }

  /** {@code pk = :partitionKey AND sk BETWEEN :low AND :high}. */
  public KeyCondition between(ExpressionContext ctx, String partitionKey, String low, String high) {
    String pk = ctx.name(partitionKeyName);
    String partition = pk + " = " + value(ctx, partitionKey);
    String sk = ctx.name(sortKeyName);
    String range = sk + " BETWEEN " + value(ctx, low) + " AND " + value(ctx, high);
    return new KeyCondition(partition + " AND " + range, pk, sk);
  }

  private static String value(ExpressionContext ctx, String key) {
    return ctx.value(AttributeValue.fromS(key));
  }
}
