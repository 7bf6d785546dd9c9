package io.github.pydanticdynamo.internal.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The codecs of the scalar types the plan converts, by declared type; strings and booleans. */
final class ScalarCodecs {
  private ScalarCodecs() {}

  static final ValueCodec STRING =
      new ValueCodec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return AttributeValue.createS((String) value);
        }

        @Override
        long check(Object value, boolean atProperty, int level) {
          return 3L * ((String) value).length();
        }

        @Override
        Object read(AttributeValue value) {
          String s = value.s();
          if (s == null) {
            throw Bail.INSTANCE;
          }
          return s;
        }
      };

  static final ValueCodec BOOLEAN =
      new ValueCodec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return (Boolean) value ? StoredValues.TRUE : StoredValues.FALSE;
        }

        @Override
        long check(Object value, boolean atProperty, int level) {
          return sized(Boolean.class, value, 1);
        }

        @Override
        Object read(AttributeValue value) {
          Boolean b = value.bool();
          if (b == null) {
            throw Bail.INSTANCE;
          }
          return b;
        }
      };

  private static final Map<Class<?>, ValueCodec> SCALARS =
      Map.ofEntries(
          Map.entry(String.class, STRING),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(int.class, NumberCodecs.INT),
          Map.entry(Integer.class, NumberCodecs.INT),
          Map.entry(long.class, NumberCodecs.LONG),
          Map.entry(Long.class, NumberCodecs.LONG),
          Map.entry(short.class, NumberCodecs.SHORT),
          Map.entry(Short.class, NumberCodecs.SHORT),
          Map.entry(byte.class, NumberCodecs.BYTE),
          Map.entry(Byte.class, NumberCodecs.BYTE),
          Map.entry(double.class, NumberCodecs.DOUBLE),
          Map.entry(Double.class, NumberCodecs.DOUBLE),
          Map.entry(float.class, NumberCodecs.FLOAT),
          Map.entry(Float.class, NumberCodecs.FLOAT),
          Map.entry(BigInteger.class, NumberCodecs.BIG_INTEGER),
          Map.entry(BigDecimal.class, NumberCodecs.BIG_DECIMAL),
          Map.entry(UUID.class, TextCodec.UUID_CODEC),
          Map.entry(Instant.class, TextCodec.INSTANT),
          Map.entry(LocalDate.class, TextCodec.LOCAL_DATE));

  /** The codec of a scalar type (a primitive, its box, String, a number, UUID, a date), or null. */
  static @Nullable ValueCodec of(Class<?> declared) {
    return SCALARS.get(declared);
  }
}
