package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.module.paramnames.ParameterNamesAnnotationIntrospector;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A compiled mapping for records that need nothing of Jackson's customisation: accessor and
 * canonical-constructor method handles and one converter per property type, so a plain record is
 * mapped without Jackson's per-call and per-property machinery.
 *
 * <p>A plan exists only when Jackson would map the record in its default way: no Jackson (or {@code
 * java.beans}) annotations on the record or its parts, no mix-ins, naming strategy, config
 * overrides, custom serializers or deserializers, and only these property types: String, primitives
 * and their boxes, BigDecimal, BigInteger, enums, UUID, Instant, LocalDate, nested records of the
 * same kind, {@code List}/{@code Collection}, {@code Set}s of strings, whole numbers, UUIDs or
 * enums, and {@code Map}s with String keys. Anything else keeps the Jackson path, which stays the
 * reference: the plan writes exactly what it would write and reads exactly what it would read, and
 * for anything out of the ordinary (NaN, a number out of range, a null in a set, an attribute of an
 * unexpected type, a non-canonical number or date) it gives up, and the caller maps the item
 * through Jackson instead, which writes the value or reports the problem as always.
 *
 * <pre>{@code
 * RecordPlan<FilmActor> plan = RecordPlan.compile(FilmActor.class, mapper, schema.root(), 5);
 * Map<String, AttributeValue> item = plan == null ? null : plan.write(actor); // null: use Jackson
 * }</pre>
 *
 * @param <T> the record type
 */
final class RecordPlan<T> {

  private final Class<T> type;
  private final RecordCodec codec;
  private final int extraCapacity;
  private final Map<Class<?>, EnumCodec> enums;

  private RecordPlan(
      Class<T> type, RecordCodec codec, int extraCapacity, Map<Class<?>, EnumCodec> enums) {
    this.type = type;
    this.codec = codec;
    this.extraCapacity = extraCapacity;
    this.enums = Map.copyOf(enums);
  }

  /**
   * Compiles the plan of a record, or explains why there is none.
   *
   * @param type the model type
   * @param mapper the configured Jackson mapper the model is otherwise mapped with
   * @param root the model's schema node
   * @param extraCapacity entries the caller adds to written maps (keys, reserved attributes)
   * @return the plan, or a reason why the Jackson path must be used
   */
  static <T> Compiled<T> compile(
      Class<T> type, ObjectMapper mapper, ModelSchema.Node root, int extraCapacity) {
    try {
      Compiler compiler = new Compiler(mapper);
      compiler.checkMapper();
      RecordCodec codec = compiler.record(root, type.getSimpleName());
      return new Compiled<>(new RecordPlan<>(type, codec, extraCapacity, compiler.enums), null);
    } catch (Ineligible e) {
      return new Compiled<>(null, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Compiled<>(null, "cannot compile: " + e);
    }
  }

  /** The result of {@link #compile}: a plan, or why there is none. */
  record Compiled<T>(@Nullable RecordPlan<T> plan, @Nullable String reason) {}

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
    Codec scalar = SCALARS.get(declared);
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

  // ---- giving up ----

  /** Thrown inside the plan to hand a value over to the Jackson path; it carries nothing. */
  private static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Bail INSTANCE = new Bail();

    private Bail() {
      super(null, null, false, false);
    }
  }

  /** Why a type gets no plan. */
  private static final class Ineligible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Ineligible(String reason) {
      super(reason, null, false, false);
    }
  }

  // ---- converters ----

  /** Converts one value of a declared type both ways. */
  private abstract static class Codec {
    /**
     * The attribute value of a non-null value; null to omit it (an empty set at a record property).
     */
    abstract @Nullable AttributeValue write(Object value, boolean atProperty);

    /** The value of a non-NULL attribute value. */
    abstract Object read(AttributeValue value);
  }

  private static final Codec STRING =
      new Codec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return AttributeValue.createS((String) value);
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

  private static final Codec BOOLEAN =
      new Codec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return (Boolean) value ? StoredValues.TRUE : StoredValues.FALSE;
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

  /** A DynamoDB number as the parser reads it: the narrowest whole number, or null. */
  private static @Nullable Number whole(AttributeValue value) {
    String n = value.n();
    if (n == null) {
      throw Bail.INSTANCE;
    }
    return StoredValues.parseWhole(n);
  }

  /** int, short and byte: whole numbers within their range, written as Integer.toString does. */
  private static final class SmallWholeCodec extends Codec {
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
    Object read(AttributeValue value) {
      if (whole(value) instanceof Integer i && i >= min && i <= max) {
        return box.apply(i);
      }
      throw Bail.INSTANCE;
    }
  }

  private static final Codec INT =
      new SmallWholeCodec(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer::valueOf);
  private static final Codec SHORT =
      new SmallWholeCodec(Short.class, Short.MIN_VALUE, Short.MAX_VALUE, i -> (short) i);
  private static final Codec BYTE =
      new SmallWholeCodec(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, i -> (byte) i);

  private static final Codec LONG =
      new Codec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          return AttributeValue.createN(Long.toString((Long) value));
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
  private static final class FloatingCodec extends Codec {
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

  private static final Codec DOUBLE = new FloatingCodec(false);
  private static final Codec FLOAT = new FloatingCodec(true);

  private static final Codec BIG_INTEGER =
      new Codec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          BigInteger big = (BigInteger) value;
          if (StoredValues.rangeProblem(new BigDecimal(big)) != null) {
            throw Bail.INSTANCE;
          }
          return AttributeValue.createN(big.toString());
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

  private static final Codec BIG_DECIMAL =
      new Codec() {
        @Override
        AttributeValue write(Object value, boolean atProperty) {
          BigDecimal decimal = (BigDecimal) value;
          if (StoredValues.rangeProblem(decimal) != null) {
            throw Bail.INSTANCE;
          }
          return AttributeValue.createN(decimal.toString());
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

  /**
   * Values written as their {@code toString} (UUID, Instant, LocalDate) and read back by a parser
   * that accepts only the form {@code toString} writes (null for anything else: Jackson's path
   * decides).
   */
  private static final class TextCodec extends Codec {
    private final Class<?> type;
    private final Function<String, @Nullable Object> parse;

    TextCodec(Class<?> type, Function<String, @Nullable Object> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      if (!type.isInstance(value)) {
        throw Bail.INSTANCE;
      }
      return AttributeValue.createS(value.toString());
    }

    @Override
    Object read(AttributeValue value) {
      String s = value.s();
      Object read = s == null ? null : parse.apply(s);
      if (read == null) {
        throw Bail.INSTANCE;
      }
      return read;
    }
  }

  private static final Codec UUID_CODEC =
      new TextCodec(UUID.class, s -> isCanonicalUuid(s) ? UUID.fromString(s) : null);
  private static final Codec INSTANT = new TextCodec(Instant.class, RecordPlan::readInstant);
  private static final Codec LOCAL_DATE =
      new TextCodec(LocalDate.class, s -> s.length() == 10 ? isoDate(s) : null);

  /** {@code 8-4-4-4-12} hexadecimal digits, the only form UUID.toString writes. */
  static boolean isCanonicalUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash
          ? c != '-'
          : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** An instant in the form Instant.toString writes ({@code 2024-05-01T10:15:30.123Z}), or null. */
  static @Nullable Instant readInstant(String s) {
    if (s.length() < 20 || s.charAt(s.length() - 1) != 'Z' || s.charAt(10) != 'T') {
      return null;
    }
    Instant fast = isoInstant(s);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(s); // leap seconds, 24:00 and other rare forms
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The number written by {@code s[from, to)}'s ASCII digits, or -1 when one is not a digit. */
  static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * The date {@code YYYY-MM-DD} at the start of {@code s} (a four-digit year), as {@code
   * LocalDate.parse} reads it; null when it is not one or not a valid date.
   */
  static @Nullable LocalDate isoDate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // February 30th and the like
    }
  }

  /**
   * The instant {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} as {@code Instant.parse} reads it; null for
   * any other form (including the rare ones Instant.parse also reads: leap seconds, 24:00).
   */
  static @Nullable Instant isoInstant(String s) {
    int length = s.length();
    if (length < 20
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(length - 1) != 'Z') {
      return null;
    }
    LocalDate date = isoDate(s);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (date == null
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nano = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = digits(s, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nano = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nano *= 10;
      }
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nano);
  }

  /**
   * Enum constants as Jackson writes them, checked at compile time to read back through Jackson.
   */
  private static final class EnumCodec extends Codec {
    private final Map<Object, AttributeValue> written;
    private final Map<String, Object> read;

    EnumCodec(Map<Object, AttributeValue> written, Map<String, Object> read) {
      this.written = written;
      this.read = read;
    }

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      AttributeValue v = written.get(value);
      if (v == null) {
        throw Bail.INSTANCE;
      }
      return v;
    }

    @Override
    Object read(AttributeValue value) {
      String s = value.s();
      Object constant = s == null ? null : read.get(s);
      if (constant == null) {
        throw Bail.INSTANCE;
      }
      return constant;
    }
  }

  /** A List or Collection: {@code L}, nulls as {@code NULL}. */
  private static final class ListCodec extends Codec {
    private final Codec element;

    ListCodec(Codec element) {
      this.element = element;
    }

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      Collection<?> collection = (Collection<?>) value;
      List<AttributeValue> list = new ArrayList<>(collection.size());
      for (Object e : collection) {
        list.add(e == null ? StoredValues.NUL : containerValue(element, e));
      }
      return AttributeValue.createL(list);
    }

    @Override
    Object read(AttributeValue value) {
      if (value.type() != AttributeValue.Type.L) {
        throw Bail.INSTANCE;
      }
      List<AttributeValue> l = value.l();
      List<Object> list = new ArrayList<>(l.size());
      for (AttributeValue e : l) {
        list.add(e.type() == AttributeValue.Type.NUL ? null : element.read(e));
      }
      return list;
    }
  }

  /** An element of a list or a value of a map: an empty set there keeps its place as a list. */
  private static AttributeValue containerValue(Codec codec, Object value) {
    AttributeValue v = codec.write(value, false);
    return v == null ? StoredValues.EMPTY_LIST : v;
  }

  /** A Set of values whose distinct values write distinct strings or numbers: SS or NS. */
  private static final class SetCodec extends Codec {
    private final Codec element;
    private final boolean numbers;
    private final boolean linked;

    SetCodec(Codec element, boolean numbers, boolean linked) {
      this.element = element;
      this.numbers = numbers;
      this.linked = linked;
    }

    /** A new set, made as Jackson makes it (so even a HashSet's iteration order is the same). */
    Set<Object> empty() {
      return linked ? new LinkedHashSet<>() : new HashSet<>();
    }

    @Override
    @Nullable AttributeValue write(Object value, boolean atProperty) {
      Collection<?> set = (Collection<?>) value;
      if (set.isEmpty()) {
        // DynamoDB has no empty sets: omitted at a property, an empty list elsewhere.
        return atProperty ? null : StoredValues.EMPTY_LIST;
      }
      List<String> texts = new ArrayList<>(set.size());
      for (Object e : set) {
        if (e == null) {
          throw Bail.INSTANCE; // reported with its path by the Jackson path
        }
        AttributeValue v = element.write(e, false);
        String text = numbers ? v.n() : v.s();
        if (text == null) {
          throw Bail.INSTANCE;
        }
        texts.add(text);
      }
      return numbers ? AttributeValue.createNs(texts) : AttributeValue.createSs(texts);
    }

    @Override
    Object read(AttributeValue value) {
      List<String> texts;
      AttributeValue.Type t = value.type();
      if (t == AttributeValue.Type.L && value.l().isEmpty()) {
        return empty();
      }
      if (numbers ? t != AttributeValue.Type.NS : t != AttributeValue.Type.SS) {
        throw Bail.INSTANCE;
      }
      texts = numbers ? value.ns() : value.ss();
      Set<Object> set = empty();
      for (String text : texts) {
        set.add(
            element.read(numbers ? AttributeValue.createN(text) : AttributeValue.createS(text)));
      }
      return set;
    }
  }

  /** A Map with String keys: {@code M}, nulls as {@code NULL}. */
  private static final class MapCodec extends Codec {
    private final Codec value;
    private final boolean hashMap;

    MapCodec(Codec value, boolean hashMap) {
      this.value = value;
      this.hashMap = hashMap;
    }

    @Override
    AttributeValue write(Object map, boolean atProperty) {
      Map<?, ?> source = (Map<?, ?>) map;
      Map<String, AttributeValue> m = new HashMap<>(capacity(source.size()));
      for (Map.Entry<?, ?> entry : source.entrySet()) {
        Object key = entry.getKey();
        if (!(key instanceof String name)) {
          throw Bail.INSTANCE; // a null key: Jackson's path reports it
        }
        Object v = entry.getValue();
        m.put(name, v == null ? StoredValues.NUL : containerValue(value, v));
      }
      return AttributeValue.createM(m);
    }

    @Override
    Object read(AttributeValue attribute) {
      if (attribute.type() != AttributeValue.Type.M) {
        throw Bail.INSTANCE;
      }
      Map<String, AttributeValue> m = attribute.m();
      // Made as Jackson makes them, so even a HashMap's iteration order is the same.
      Map<String, Object> map = hashMap ? new HashMap<>() : new LinkedHashMap<>();
      for (Map.Entry<String, AttributeValue> entry : m.entrySet()) {
        AttributeValue v = entry.getValue();
        map.put(entry.getKey(), v.type() == AttributeValue.Type.NUL ? null : value.read(v));
      }
      return map;
    }
  }

  /** One record component: its attribute name, accessor and converter. */
  private record Property(
      String name,
      int index,
      MethodHandle accessor,
      Codec codec,
      @Nullable Object absent,
      boolean set) {}

  /** A record: its properties and canonical constructor. */
  private static final class RecordCodec extends Codec {
    private Property[] properties = new Property[0];
    private @Nullable MethodHandle constructor;
    private boolean strictAbsent;

    @Override
    AttributeValue write(Object value, boolean atProperty) {
      return AttributeValue.createM(writeMap(value, 0));
    }

    Map<String, AttributeValue> writeMap(Object record, int extra) {
      Property[] props = properties;
      Map<String, AttributeValue> map = new HashMap<>(capacity(props.length + extra));
      for (Property p : props) {
        Object v;
        try {
          v = p.accessor.invokeExact(record);
        } catch (Throwable e) {
          throw Bail.INSTANCE; // an accessor that throws: Jackson's path reports it
        }
        if (v != null) {
          AttributeValue written = p.codec.write(v, true);
          if (written != null) {
            map.put(p.name, written);
          }
        }
      }
      return map;
    }

    @Override
    Object read(AttributeValue value) {
      if (value.type() != AttributeValue.Type.M) {
        throw Bail.INSTANCE;
      }
      return readMap(value.m());
    }

    Object readMap(Map<String, AttributeValue> attributes) {
      Property[] props = properties;
      Object[] args = new Object[props.length];
      for (Property p : props) {
        AttributeValue v = attributes.get(p.name);
        if (v == null || v.type() == AttributeValue.Type.NUL) {
          // Absent and NULL properties read as absent: sets as empty sets, primitives as zero.
          if (p.set) {
            args[p.index] = ((SetCodec) p.codec).empty();
          } else if (strictAbsent) {
            throw Bail.INSTANCE;
          } else {
            args[p.index] = p.absent;
          }
        } else {
          args[p.index] = p.codec.read(v);
        }
      }
      try {
        return (Object) java.util.Objects.requireNonNull(constructor).invokeExact(args);
      } catch (Throwable e) {
        throw Bail.INSTANCE; // a constructor that rejects the values: Jackson's path reports it
      }
    }
  }

  static int capacity(int entries) {
    return entries < 3 ? entries + 1 : (int) (entries / 0.75f + 1.0f);
  }

  // ---- compiling ----

  private static final Set<Class<?>> LIST_TYPES =
      Set.of(List.class, Collection.class, ArrayList.class);
  private static final Set<Class<?>> SET_TYPES =
      Set.of(Set.class, HashSet.class, LinkedHashSet.class);
  private static final Set<Class<?>> MAP_TYPES =
      Set.of(Map.class, LinkedHashMap.class, HashMap.class);

  private static final Map<Class<?>, Codec> SCALARS =
      Map.ofEntries(
          Map.entry(String.class, STRING),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(int.class, INT),
          Map.entry(Integer.class, INT),
          Map.entry(long.class, LONG),
          Map.entry(Long.class, LONG),
          Map.entry(short.class, SHORT),
          Map.entry(Short.class, SHORT),
          Map.entry(byte.class, BYTE),
          Map.entry(Byte.class, BYTE),
          Map.entry(double.class, DOUBLE),
          Map.entry(Double.class, DOUBLE),
          Map.entry(float.class, FLOAT),
          Map.entry(Float.class, FLOAT),
          Map.entry(BigInteger.class, BIG_INTEGER),
          Map.entry(BigDecimal.class, BIG_DECIMAL),
          Map.entry(UUID.class, UUID_CODEC),
          Map.entry(Instant.class, INSTANT),
          Map.entry(LocalDate.class, LOCAL_DATE));

  /** Set element types whose distinct values always write distinct texts (no dedupe needed). */
  private static final Set<Class<?>> SET_STRINGS = Set.of(String.class, UUID.class);

  private static final Set<Class<?>> SET_NUMBERS =
      Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

  private static final Map<Class<?>, Object> ZEROS =
      Map.of(
          boolean.class,
          false,
          int.class,
          0,
          long.class,
          0L,
          short.class,
          (short) 0,
          byte.class,
          (byte) 0,
          double.class,
          0.0,
          float.class,
          0.0f);

  private static final Set<Class<?>> STANDARD_INTROSPECTORS =
      Set.of(JacksonAnnotationIntrospector.class, ParameterNamesAnnotationIntrospector.class);

  /** Checks the mapper and the model's types, and builds the converters. */
  private static final class Compiler {
    private final ObjectMapper mapper;
    private final SerializationConfig serialization;
    private final DeserializationConfig deserialization;
    private final SerializerProvider provider;
    private final DeserializationContext context;
    private final Map<Class<?>, RecordCodec> records = new HashMap<>();
    private final Map<Class<?>, EnumCodec> enums = new HashMap<>();
    private final Set<Class<?>> checked = new HashSet<>();
    private boolean strictAbsent;

    Compiler(ObjectMapper mapper) {
      this.mapper = mapper;
      this.serialization = mapper.getSerializationConfig();
      this.deserialization = mapper.getDeserializationConfig();
      this.provider = mapper.getSerializerProviderInstance();
      this.context =
          ((DefaultDeserializationContext) mapper.getDeserializationContext())
              .createDummyInstance(deserialization);
    }

    void checkMapper() {
      require(mapper.mixInCount() == 0, "the ObjectMapper has mix-ins");
      require(
          serialization.getPropertyNamingStrategy() == null
              && deserialization.getPropertyNamingStrategy() == null,
          "the ObjectMapper has a property naming strategy");
      for (AnnotationIntrospector introspector :
          serialization.getAnnotationIntrospector().allIntrospectors()) {
        require(
            STANDARD_INTROSPECTORS.contains(introspector.getClass()),
            "the ObjectMapper uses " + introspector.getClass().getSimpleName());
      }
      for (AnnotationIntrospector introspector :
          deserialization.getAnnotationIntrospector().allIntrospectors()) {
        require(
            STANDARD_INTROSPECTORS.contains(introspector.getClass()),
            "the ObjectMapper uses " + introspector.getClass().getSimpleName());
      }
      JsonInclude.Value inclusion = serialization.getDefaultPropertyInclusion();
      JsonInclude.Include values = inclusion.getValueInclusion();
      JsonInclude.Include contents = inclusion.getContentInclusion();
      require(
          values == JsonInclude.Include.ALWAYS
              || values == JsonInclude.Include.USE_DEFAULTS
              || values == JsonInclude.Include.NON_NULL,
          "the ObjectMapper's property inclusion is " + values);
      require(
          contents == JsonInclude.Include.ALWAYS || contents == JsonInclude.Include.USE_DEFAULTS,
          "the ObjectMapper's content inclusion is " + contents);
      JsonSetter.Value setter = deserialization.getDefaultSetterInfo();
      require(
          isDefaultNulls(setter.getValueNulls()) && isDefaultNulls(setter.getContentNulls()),
          "the ObjectMapper's null handling is changed");
      require(
          !serialization.hasExplicitTimeZone() && !deserialization.hasExplicitTimeZone(),
          "the ObjectMapper has a time zone");
      require(
          !serialization.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              && !serialization.isEnabled(SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
              && serialization.isEnabled(SerializationFeature.WRITE_NULL_MAP_VALUES)
              && serialization.isEnabled(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS),
          "the ObjectMapper's serialization features are changed");
      require(
          !deserialization.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
              && !deserialization.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
          "the ObjectMapper's deserialization features are changed");
      strictAbsent =
          deserialization.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              || deserialization.isEnabled(
                  DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
              || deserialization.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
    }

    private static boolean isDefaultNulls(Nulls nulls) {
      return nulls == Nulls.DEFAULT || nulls == Nulls.SET;
    }

    private static void require(boolean condition, String reason) {
      if (!condition) {
        throw new Ineligible(reason);
      }
    }

    /** Jackson maps the type with its own, unconfigured serializer and deserializer. */
    private void standard(JavaType type, String where) {
      Class<?> raw = type.getRawClass();
      if (!checked.add(raw)) {
        return;
      }
      require(
          serialization.findConfigOverride(raw) == null
              && deserialization.findConfigOverride(raw) == null,
          where + ": the ObjectMapper has a config override for " + raw.getSimpleName());
      try {
        JsonSerializer<Object> serializer = provider.findValueSerializer(type);
        JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
        require(
            isJackson(serializer.getClass()) && isJackson(deserializer.getClass()),
            where + ": " + raw.getSimpleName() + " has a custom serializer or deserializer");
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        throw new Ineligible(where + ": " + e.getOriginalMessage());
      }
    }

    private static boolean isBlackbird(Class<?> type) {
      return type.getName().startsWith("com.fasterxml.jackson.module.blackbird.");
    }

    private static boolean isJackson(Class<?> type) {
      String name = type.getName();
      return name.startsWith("com.fasterxml.jackson.databind.")
          || name.startsWith("com.fasterxml.jackson.datatype.jsr310.");
    }

    Codec codec(ModelSchema.Node node, String where) {
      JavaType type = node.type;
      Class<?> raw = type.getRawClass();
      if (node.kind == AttributePath.Kind.OBJECT) {
        return record(node, where);
      }
      Codec scalar = SCALARS.get(raw);
      if (scalar != null) {
        standard(type, where);
        if (scalar == BIG_DECIMAL) {
          // Written with toString unless the writer is configured to write plain decimals.
          require(
              "1E+3".equals(probe(type, new BigDecimal("1E+3"), where).n()),
              where + ": BigDecimal is written as plain text");
        }
        return scalar;
      }
      if (raw.isEnum()) {
        return enumCodec(type, where);
      }
      if (node.kind == AttributePath.Kind.LIST && LIST_TYPES.contains(raw)) {
        standard(type, where);
        return new ListCodec(codec(node.element(), where + "[]"));
      }
      if (node.kind == AttributePath.Kind.SET && SET_TYPES.contains(raw)) {
        standard(type, where);
        JavaType element = type.getContentType();
        Class<?> e = element == null ? Object.class : element.getRawClass();
        boolean numbers = SET_NUMBERS.contains(e);
        require(
            numbers || SET_STRINGS.contains(e) || e.isEnum(),
            where + ": a set of " + e.getSimpleName());
        return new SetCodec(
            codec(node.element(), where + "[]"), numbers, raw == LinkedHashSet.class);
      }
      if (node.kind == AttributePath.Kind.MAP && MAP_TYPES.contains(raw)) {
        JavaType key = type.getKeyType();
        require(
            key != null && key.getRawClass() == String.class, where + ": map keys are not strings");
        standard(type, where);
        return new MapCodec(codec(node.element(), where + ".*"), raw == HashMap.class);
      }
      throw new Ineligible(where + ": " + MappingMessages.typeName(type) + " (" + node.kind + ")");
    }

    /** What Jackson's path writes for one value of a type. */
    private AttributeValue probe(JavaType type, Object value, String where) {
      AttributeGenerator generator = new AttributeGenerator(mapper, ModelSchema.ANY, where, false);
      try {
        mapper.writerFor(type).writeValue(generator, value);
      } catch (java.io.IOException | RuntimeException e) {
        throw new Ineligible(where + ": " + e.getMessage());
      }
      AttributeValue result = generator.result();
      if (result == null) {
        throw new Ineligible(where + ": " + value + " is not written");
      }
      return result;
    }

    private EnumCodec enumCodec(JavaType type, String where) {
      Class<?> raw = type.getRawClass();
      EnumCodec known = enums.get(raw);
      if (known != null) {
        return known;
      }
      standard(type, where);
      annotations(raw, where);
      Map<Object, AttributeValue> written = new HashMap<>();
      Map<String, Object> read = new HashMap<>();
      for (Object constant : raw.getEnumConstants()) {
        AttributeValue value = probe(type, constant, where);
        String text = value.s();
        require(text != null, where + ": an enum not written as a string");
        Object back;
        try {
          back = mapper.readerFor(type).readValue(mapper.treeAsTokens(TextNode.valueOf(text)));
        } catch (java.io.IOException | RuntimeException e) {
          throw new Ineligible(where + ": " + e.getMessage());
        }
        require(back == constant && read.put(text, constant) == null, where + ": enum texts");
        written.put(constant, value);
      }
      EnumCodec codec = new EnumCodec(written, read);
      enums.put(raw, codec);
      return codec;
    }

    RecordCodec record(ModelSchema.Node node, String where) {
      JavaType type = node.type;
      Class<?> raw = type.getRawClass();
      RecordCodec known = records.get(raw);
      if (known != null) {
        return known;
      }
      require(raw.isRecord(), where + ": " + raw.getSimpleName() + " is not a record");
      require(raw.getTypeParameters().length == 0, where + ": a generic record");
      annotations(raw, where);
      RecordComponent[] components = raw.getRecordComponents();
      require(
          node.properties.size() == components.length,
          where + ": Jackson's properties are not the record components");
      try {
        JsonSerializer<Object> serializer = provider.findValueSerializer(type);
        require(serializer.getClass() == BeanSerializer.class, where + ": a custom serializer");
        for (java.util.Iterator<com.fasterxml.jackson.databind.ser.PropertyWriter> it =
                serializer.properties();
            it.hasNext(); ) {
          Class<?> writer = it.next().getClass();
          require(
              writer == BeanPropertyWriter.class || isBlackbird(writer),
              where + ": a custom property writer");
        }
        require(provider.findTypeSerializer(type) == null, where + ": polymorphic type info");
        Class<?> deserializer = context.findRootValueDeserializer(type).getClass();
        require(
            deserializer == BeanDeserializer.class || isBlackbird(deserializer),
            where + ": a custom deserializer (" + deserializer.getName() + ")");
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        throw new Ineligible(where + ": " + e.getOriginalMessage());
      }
      require(
          serialization.findConfigOverride(raw) == null
              && deserialization.findConfigOverride(raw) == null,
          where + ": a config override");
      RecordCodec codec = new RecordCodec();
      codec.strictAbsent = strictAbsent;
      records.put(raw, codec);
      MethodHandles.Lookup lookup;
      Class<?>[] parameterTypes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        parameterTypes[i] = components[i].getType();
      }
      try {
        lookup = MethodHandles.privateLookupIn(raw, MethodHandles.lookup());
        codec.constructor =
            lookup
                .findConstructor(raw, MethodType.methodType(void.class, parameterTypes))
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
        throw new Ineligible(where + ": " + e);
      }
      Property[] properties = new Property[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        String name = component.getName();
        ModelSchema.Node child = node.properties.get(name);
        require(child != null, where + ": Jackson's properties are not the record components");
        String path = where.isEmpty() ? name : where + "." + name;
        require(
            child.type.getRawClass() == component.getType(),
            path + ": " + component.getType().getSimpleName() + " is written as its content");
        MethodHandle accessor;
        try {
          accessor =
              lookup
                  .unreflect(component.getAccessor())
                  .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
          throw new Ineligible(path + ": " + e);
        }
        Codec childCodec = codec(child, path);
        boolean set = childCodec instanceof SetCodec && node.setProperties.contains(name);
        properties[i] =
            new Property(name, i, accessor, childCodec, ZEROS.get(component.getType()), set);
      }
      codec.properties = properties;
      return codec;
    }

    /** Rejects types whose parts carry Jackson or java.beans annotations. */
    private static void annotations(Class<?> type, String where) {
      List<AnnotatedElement> elements = new ArrayList<>();
      elements.add(type);
      for (Class<?> s = type.getSuperclass();
          s != null && s != Object.class;
          s = s.getSuperclass()) {
        elements.add(s);
      }
      for (Class<?> i : allInterfaces(type)) {
        elements.add(i);
        elements.addAll(List.of(i.getDeclaredMethods()));
      }
      elements.addAll(List.of(type.getDeclaredFields()));
      elements.addAll(List.of(type.getDeclaredMethods()));
      if (type.isRecord()) {
        elements.addAll(List.of(type.getRecordComponents()));
      }
      List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
      executables.addAll(List.of(type.getDeclaredMethods()));
      for (Executable executable : executables) {
        elements.add(executable);
        for (Parameter parameter : executable.getParameters()) {
          elements.add(parameter);
        }
      }
      for (AnnotatedElement element : elements) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
          Class<? extends Annotation> annotationType = annotation.annotationType();
          String name = annotationType.getName();
          if (name.startsWith("com.fasterxml.jackson.")
              || name.startsWith("java.beans.")
              || annotationType.isAnnotationPresent(JacksonAnnotation.class)
              || annotationType.isAnnotationPresent(JacksonAnnotationsInside.class)) {
            throw new Ineligible(where + ": @" + annotationType.getSimpleName() + " on " + element);
          }
        }
      }
    }

    private static Set<Class<?>> allInterfaces(Class<?> type) {
      Set<Class<?>> all = new LinkedHashSet<>();
      List<Class<?>> todo = new ArrayList<>(List.of(type.getInterfaces()));
      while (!todo.isEmpty()) {
        Class<?> next = todo.remove(todo.size() - 1);
        if (all.add(next)) {
          todo.addAll(List.of(next.getInterfaces()));
        }
      }
      return all;
    }
  }
}
