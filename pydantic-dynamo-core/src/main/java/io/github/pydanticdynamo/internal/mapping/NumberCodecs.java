package io.github.pydanticdynamo.internal.mapping;

import io.github.pydanticdynamo.internal.mapping.ValueCodec.Bail;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The codecs of numbers: one for int/short/byte, long, double/float, BigInteger, BigDecimal. */
final class NumberCodecs {
  private NumberCodecs() {}

  /** A DynamoDB number as the parser reads it: the narrowest whole number, or null. */
  private static @Nullable Number whole(AttributeValue value) {
    String n = value.n();
    if (n == null) {
      throw Bail.INSTANCE;
    }
    return StoredValues.parseWhole(n);
  }

  /** int, short and byte: whole numbers within their range, written as Integer.toString does. */
  private static final class SmallWholeCodec extends ValueCodec {
    private final Class<?> boxed;
    private final int min;
    private final int max;
    private final IntFunction<Object> box;

    SmallWholeCodec(Class<?> boxed, int min, int max, IntFunction<Object> box) {
      this.boxed = boxed;
      this.min = min;
      this.max = max;
      this.box = box;
    }

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      if (value.getClass() != boxed) {
        throw Bail.INSTANCE; // not this type: never narrowed here
      }
      return AttributeValue.createN(Integer.toString(((Number) value).intValue()));
    }

    @Override
    long check(Object value, boolean atProperty, int level) {
      if (value.getClass() != boxed) {
        throw Bail.INSTANCE;
      }
      return NUMBER_BOUND;
    }

    @Override
    Object read(AttributeValue value) {
      if (whole(value) instanceof Integer i && i >= min && i <= max) {
        return box.apply(i);
      }
      throw Bail.INSTANCE;
    }
  }

  static final ValueCodec INT =
      new SmallWholeCodec(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer::valueOf);
  static final ValueCodec SHORT =
      new SmallWholeCodec(Short.class, Short.MIN_VALUE, Short.MAX_VALUE, i -> (short) i);
  static final ValueCodec BYTE =
      new SmallWholeCodec(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, i -> (byte) i);

  static final ValueCodec LONG =
      new ValueCodec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return AttributeValue.createN(Long.toString((Long) value));
        }

        @Override
        long check(Object value, boolean atProperty, int level) {
          return sized(Long.class, value, NUMBER_BOUND);
        }

        @Override
        Object read(AttributeValue value) {
          Number n = whole(value);
          if (n instanceof Long || n instanceof Integer) {
            return n.longValue();
          }
          throw Bail.INSTANCE;
        }
      };

  /**
   * double and float: read as the parser reads them (whole numbers exactly, decimals parsed once).
   */
  private static final class FloatingCodec extends ValueCodec {
    private final boolean single;

    FloatingCodec(boolean single) {
      this.single = single;
    }

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      if (single) {
        float f = (Float) value;
        if (!Float.isFinite(f)) {
          throw Bail.INSTANCE;
        }
        return AttributeValue.createN(Float.toString(f + 0.0f));
      }
      double d = (Double) value;
      // NaN, infinities and numbers out of DynamoDB's range are reported by the Jackson path.
      if (!StoredValues.inRange(d)) {
        throw Bail.INSTANCE;
      }
      // Adding 0.0 turns -0.0 into 0.0, as the generator does.
      return AttributeValue.createN(Double.toString(d + 0.0));
    }

    @Override
    long check(Object value, boolean atProperty, int level) {
      if (single ? !Float.isFinite((Float) value) : !StoredValues.inRange((Double) value)) {
        throw Bail.INSTANCE;
      }
      return NUMBER_BOUND;
    }

    @Override
    Object read(AttributeValue value) {
      Number n = whole(value);
      if (n != null) {
        return single ? (Object) n.floatValue() : (Object) n.doubleValue();
      }
      String text = value.n();
      if (StoredValues.isDecimal(text)) {
        return single ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
      }
      throw Bail.INSTANCE;
    }
  }

  static final ValueCodec DOUBLE = new FloatingCodec(false);
  static final ValueCodec FLOAT = new FloatingCodec(true);

  /** A BigInteger or BigDecimal written as its toString; the Jackson path reports one too big. */
  private static AttributeValue exact(BigDecimal number, Number value) {
    if (StoredValues.rangeProblem(number) != null) {
      throw Bail.INSTANCE;
    }
    return AttributeValue.createN(value.toString());
  }

  /** {@link ValueCodec#check} of a BigInteger or BigDecimal. */
  private static long checkExact(BigDecimal number) {
    if (StoredValues.rangeProblem(number) != null) {
      throw Bail.INSTANCE;
    }
    return ValueCodec.NUMBER_BOUND;
  }

  static final ValueCodec BIG_INTEGER =
      new ValueCodec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          BigInteger big = (BigInteger) value;
          return exact(new BigDecimal(big), big);
        }

        @Override
        long check(Object value, boolean atProperty, int level) {
          return checkExact(new BigDecimal((BigInteger) value));
        }

        @Override
        Object read(AttributeValue value) {
          Number n = whole(value);
          if (n instanceof BigInteger big) {
            return big;
          }
          if (n != null) {
            return BigInteger.valueOf(n.longValue());
          }
          throw Bail.INSTANCE;
        }
      };

  static final ValueCodec BIG_DECIMAL =
      new ValueCodec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          BigDecimal decimal = (BigDecimal) value;
          return exact(decimal, decimal);
        }

        @Override
        long check(Object value, boolean atProperty, int level) {
          return checkExact((BigDecimal) value);
        }

        @Override
        Object read(AttributeValue value) {
          Number n = whole(value);
          if (n instanceof BigInteger big) {
            return new BigDecimal(big);
          }
          if (n != null) {
            return BigDecimal.valueOf(n.longValue());
          }
          String text = value.n();
          if (StoredValues.isDecimal(text)) {
            return new BigDecimal(text);
          }
          throw Bail.INSTANCE;
        }
      };
}
