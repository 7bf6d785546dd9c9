package io.github.pydanticdynamo.internal.mapping;

import io.github.pydanticdynamo.internal.mapping.ValueCodec.Bail;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A record's compiled mapping (see {@link PlanCompiler}); null results hand over to Jackson. */
final class RecordPlan<T> {

  private final Class<T> type;
  private final RecordCodec codec;
  private final int extraCapacity;
  private final Map<Class<?>, EnumCodec> enums;
  private final boolean shallow;

  RecordPlan(Class<T> type, RecordCodec codec, int extraCapacity, Map<Class<?>, EnumCodec> enums) {
    this.type = type;
    this.codec = codec;
    this.extraCapacity = extraCapacity;
    this.enums = Map.copyOf(enums);
    int depth = codec.depth(new HashSet<>());
    this.shallow = depth != Integer.MAX_VALUE && depth - 1 <= StoredValues.MAX_NESTING_LEVELS;
  }

  /**
   * Whether no value of the model can nest maps and lists deeper than DynamoDB allows (its types
   * bound the depth), so written attributes need no depth check.
   */
  boolean shallow() {
    return shallow;
  }

  /**
   * Checks that {@link #write} writes the record (no value the Jackson path must write or report,
   * nothing nested too deep) without building it: an upper bound of the attributes' stored size as
   * DynamoDB counts it, or -1 when only writing it can tell.
   */
  long check(T item) {
    try {
      return codec.checkMap(item, 1, 0);
    } catch (RuntimeException e) { // Bail, a cast, anything: the write decides
      return -1;
    }
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

  /**
   * The top-level attributes named {@code names} as {@link #write} writes them, or null when the
   * record needs the Jackson path.
   */
  @Nullable Map<String, AttributeValue> writeSome(T item, Set<String> names) {
    try {
      return codec.writeSome(item, names);
    } catch (RuntimeException e) {
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
