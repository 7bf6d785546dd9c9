package io.github.pydanticdynamo.benchmarks.model;

import io.github.pydanticdynamo.ContentIds;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Enhanced Client's contenders write instants as pydantic-dynamo (and the Python library) do,
 * {@code 2023-11-14T22:14:02.123000+00:00}, so every contender writes the same attributes.
 */
public final class PythonInstantConverter implements AttributeConverter<Instant> {
  @Override
  public AttributeValue transformFrom(Instant input) {
    return AttributeValue.fromS(ContentIds.of(input));
  }

  @Override
  public Instant transformTo(AttributeValue input) {
    return Instant.parse(input.s());
  }

  @Override
  public EnhancedType<Instant> type() {
    return EnhancedType.of(Instant.class);
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
