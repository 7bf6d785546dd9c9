package io.github.pydanticdynamo.internal.mapping;

import io.github.pydanticdynamo.internal.mapping.ValueCodec.Bail;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A record's compiled mapping (see {@link PlanCompiler}); null results hand over to Jackson. */
final class RecordPlan<T> {

  private final Class<T> type;
  private final RecordCodec codec;
  private final int extraCapacity;
  private final Map<Class<?>, EnumCodec> enums;

  RecordPlan(Class<T> type, RecordCodec codec, int extraCapacity, Map<Class<?>, EnumCodec> enums) {
    this.type = type;
    this.codec = codec;
    this.extraCapacity = extraCapacity;
    this.enums = Map.copyOf(enums);
  }

  /**
   * The record's attributes, or null when the value needs the Jackson path (to be written there, or
   * to be reported there with its path and reason).
   */
  @Nullable Map<String, AttributeValue> write(T item) {
    try {
      return codec.writeMap(item, extraCapacity);
    } catch (Bail | ClassCastException e) {
      return null;
    }
  }

  /** The record read from an item, or null when the item needs the Jackson path. */
  @Nullable T read(Map<String, AttributeValue> attributes) {
    try {
      return type.cast(codec.readMap(attributes));
    } catch (Bail | ClassCastException e) {
      return null;
    }
  }

  /**
   * A command value of a scalar type the plan converts (String, numbers, booleans, UUID, Instant,
   * LocalDate, the model's enums) as the Jackson path would write it; null when the type is not one
   * of them or the value needs the Jackson path (NaN, out of range).
   */
  @Nullable AttributeValue writeScalar(Class<?> declared, Object value) {
    ValueCodec scalar = ScalarCodecs.of(declared);
    if (scalar == null) {
      scalar = enums.get(declared);
    }
    if (scalar == null) {
      return null;
    }
    try {
      return scalar.write(value, false);
    } catch (Bail | ClassCastException e) {
      return null;
    }
  }
}
