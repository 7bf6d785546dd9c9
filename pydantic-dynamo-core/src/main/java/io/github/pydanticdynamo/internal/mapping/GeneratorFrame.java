package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.databind.JavaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One open object or array of the generator (a set's scalars kept raw), and its output context. */
final class GeneratorFrame extends NestedContext<GeneratorFrame> {
  static final int OBJECT = 0;
  static final int MAP = 1;
  static final int LIST = 2;
  static final int SET = 3;

  int kind;
  ModelSchema.Node node = ModelSchema.ANY;
  @Nullable Map<String, AttributeValue> map;
  @Nullable List<AttributeValue> list;

  /** A set's strings, number texts or bytes, while they are all of {@link #scalarType}. */
  @Nullable List<Object> scalars;

  AttributeValue.@Nullable Type scalarType;
  @Nullable String segmentName;
  int segmentIndex;

  GeneratorFrame(@Nullable GeneratorFrame parent) {
    super(parent, parent == null ? TYPE_ROOT : TYPE_OBJECT);
  }

  void open(boolean object) {
    _type = object ? TYPE_OBJECT : TYPE_ARRAY;
    _index = -1;
  }

  void advance() {
    _index++;
  }

  /** How many elements an array holds so far. */
  int size() {
    List<AttributeValue> values = list;
    if (values != null) {
      return values.size();
    }
    List<Object> raw = scalars;
    return raw == null ? 0 : raw.size();
  }

  /** Adds a string, number or bytes to a set, as raw data while the set is all one type. */
  void addScalar(AttributeValue.Type type, Object raw) {
    List<Object> raws = scalars;
    if (raws != null && (scalarType == null || scalarType == type)) {
      scalarType = type;
      raws.add(raw);
    } else {
      mixed().add(scalar(type, raw));
    }
  }

  /** The set's elements as attribute values, for a set that cannot be SS, NS or BS. */
  List<AttributeValue> mixed() {
    List<AttributeValue> values = list;
    if (values == null) {
      List<Object> raws = Objects.requireNonNull(scalars);
      values = new ArrayList<>(raws.size() + 4);
      for (Object raw : raws) {
        values.add(scalar(Objects.requireNonNull(scalarType), raw));
      }
      list = values;
      scalars = null;
    }
    return values;
  }

  static AttributeValue scalar(AttributeValue.Type type, Object raw) {
    return switch (type) {
      case S -> AttributeValue.createS((String) raw);
      case N -> AttributeValue.createN((String) raw);
      default -> AttributeValue.createB((SdkBytes) raw);
    };
  }

  /** A set of strings, numbers or bytes as SS, NS or BS, without duplicates. */
  @SuppressWarnings("unchecked")
  static AttributeValue toSet(
      AttributeValue.Type type, List<Object> elements, JavaType elementType) {
    boolean distinct = writesDistinctText(elementType.getRawClass());
    switch (type) {
      case S -> {
        List<String> strings = (List<String>) (List<?>) elements;
        return AttributeValue.createSs(
            distinct ? strings : new ArrayList<>(new LinkedHashSet<>(strings)));
      }
      case N -> {
        List<String> numbers = (List<String>) (List<?>) elements;
        if (distinct) {
          return AttributeValue.createNs(numbers);
        }
        // DynamoDB compares numbers by value: 1 and 1.0 are one element.
        List<String> unique = new ArrayList<>(numbers.size());
        Set<BigDecimal> seen = new HashSet<>();
        for (String number : numbers) {
          if (seen.add(new BigDecimal(number).stripTrailingZeros())) {
            unique.add(number);
          }
        }
        return AttributeValue.createNs(unique);
      }
      default -> {
        List<SdkBytes> bytes = (List<SdkBytes>) (List<?>) elements;
        return AttributeValue.createBs(new ArrayList<>(new LinkedHashSet<>(bytes)));
      }
    }
  }

  /** Whether distinct values of a type always write distinct strings or numbers. */
  private static boolean writesDistinctText(Class<?> type) {
    return type == String.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class
        || type == UUID.class
        || type == Character.class
        || type.isEnum();
  }
}
