package io.github.pydanticdynamo.internal.mapping;

import java.util.Set;
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

  /**
   * Checks a non-null value as {@link #write} would write it, without building it: an upper bound
   * of the stored value's size as DynamoDB counts it (3 bytes per UTF-16 unit of text, {@link
   * #NUMBER_BOUND} per number), or {@link #OMITTED} when write would omit it. Throws {@link Bail}
   * wherever write would, and for a map or list nested deeper than DynamoDB allows.
   *
   * @param level the value's nesting level (an item's attribute is 1)
   */
  abstract long check(Object value, boolean atProperty, int level);

  /**
   * How many levels of maps and lists this codec's values span at most (0 for a scalar, 1 for a
   * list of scalars); {@link Integer#MAX_VALUE} when unbounded (a record that contains itself).
   *
   * @param visiting the records being measured, to find cycles
   */
  int depth(Set<RecordCodec> visiting) {
    return 0;
  }

  /** What {@link #check} returns for a value write omits (an empty set at a record property). */
  static final long OMITTED = -1;

  /**
   * The most a number counts: DynamoDB keeps at most 38 significant digits, which count one byte
   * per two, plus one.
   */
  static final long NUMBER_BOUND = 21;

  /** The most a UUID, date or instant text counts (ASCII, 1 byte per character). */
  static final long TEXT_BOUND = 64;

  /** {@code size} when {@code value} is a {@code type}, as write casts it; otherwise Bail. */
  static long sized(Class<?> type, Object value, long size) {
    if (!type.isInstance(value)) {
      throw Bail.INSTANCE;
    }
    return size;
  }

  /** Throws Bail when a list or map at {@code level} is nested deeper than DynamoDB allows. */
  static void checkLevel(int level) {
    if (level > StoredValues.MAX_NESTING_LEVELS) {
      throw Bail.INSTANCE; // the full path reports it with its path
    }
  }

  /** {@link #check} of a list element or map value: an empty set there is an empty list. */
  static long containerCheck(ValueCodec codec, Object value, int level) {
    long size = codec.check(value, false, level);
    if (size == OMITTED) {
      checkLevel(level);
      return 3;
    }
    return size;
  }

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
