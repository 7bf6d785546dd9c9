package io.github.pydanticdynamo.internal.mapping;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts one value of a declared type both ways, for the record plan. */
abstract class ValueCodec {
  /**
   * The attribute value of a non-null value; null to omit it (an empty set at a record property).
   */
  abstract @Nullable AttributeValue write(Object value, boolean atProperty);

  /** The value of a non-NULL attribute value. */
  abstract Object read(AttributeValue value);

  /** Thrown inside the plan to hand a value over to the Jackson path; it carries nothing. */
  static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Bail INSTANCE = new Bail();

    private Bail() {
      super(null, null, false, false);
    }
  }

  /** An element of a list or a value of a map: an empty set there keeps its place as a list. */
  static AttributeValue containerValue(ValueCodec codec, Object value) {
    AttributeValue v = codec.write(value, false);
    return v == null ? StoredValues.EMPTY_LIST : v;
  }

  /** The initial capacity of a HashMap that holds {@code entries} without resizing. */
  static int capacity(int entries) {
    return entries < 3 ? entries + 1 : (int) (entries / 0.75f + 1.0f);
  }
}
