package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidModelException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a model (a record or bean) to DynamoDB attributes and back, through Jackson 2, so Jackson
 * annotations and modules apply.
 *
 * <p>Writing: strings are {@code S}, booleans {@code BOOL}, every number {@code N} (exact; NaN and
 * infinities are rejected), {@code byte[]} and ByteBuffer {@code B}, records, beans and maps {@code
 * M}, lists, arrays and other collections {@code L}. A {@code Set} of strings (or of values Jackson
 * writes as strings: enums, UUIDs…) is {@code SS}, of numbers {@code NS}, of bytes {@code BS}; an
 * empty set is omitted (DynamoDB rejects empty sets) and a set of anything else is an {@code L}.
 * UUID and java.time values are ISO-8601 strings. Record and bean properties that are null or empty
 * optionals are omitted; nulls inside maps and lists are kept as {@code NULL}.
 *
 * <p>Reading is the reverse: {@code NULL} properties read as absent, absent (or {@code NULL}) set
 * properties as empty sets, attributes the model does not know are ignored, and numbers are
 * converted exactly to the property's type. In {@code Object}, {@code Map<String, Object>} and
 * other untyped positions numbers read back as Jackson reads JSON numbers: {@code Integer}, {@code
 * Long} or {@code BigInteger} by magnitude for whole numbers and {@code BigDecimal} for the others.
 * {@code -0.0} reads back as {@code 0.0}, as DynamoDB has no negative zero.
 *
 * <p>Numbers are written exactly as Java prints them ({@code Double.toString}, {@code
 * BigDecimal.toString}: {@code 1.0E300}, {@code 1E+3}); DynamoDB's own limits (38 significant
 * digits, magnitudes from 1E-130 to below 1E+126) are left to DynamoDB to enforce. An empty set
 * inside a map or list is an empty {@code L}, so the entry keeps its place; sets below {@code
 * Object} or {@code JsonNode} properties are lists, as their type is unknown.
 *
 * <p>Plain records (no Jackson annotations or customisation, common property types) are mapped by a
 * compiled {@link RecordPlan} instead, which gives exactly the same results faster and hands any
 * value it does not cover over to Jackson; {@link #noPlanReason()} tells why a model has none.
 *
 * <pre>{@code
 * ItemMapper<FilmActor> mapper = ItemMapper.create(FilmActor.class, null, Set.of("_ttl"));
 * Map<String, AttributeValue> attributes = mapper.toAttributes(actor);
 * FilmActor back = mapper.fromAttributes(attributes);
 * }</pre>
 *
 * @param <T> the model type
 */
public final class ItemMapper<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ItemMapper.class);

  static final AttributeValue NUL = AttributeValue.fromNul(true);
  static final AttributeValue TRUE = AttributeValue.fromBool(true);
  static final AttributeValue FALSE = AttributeValue.fromBool(false);
  static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  private final Class<T> type;
  private final ObjectMapper objectMapper;
  private final ObjectMapper conversionMapper;
  private final ModelSchema schema;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final NameSet reservedNames;
  private final @Nullable RecordPlan<T> plan;
  private final @Nullable String noPlanReason;

  private ItemMapper(
      Class<T> type, ObjectMapper objectMapper, ModelSchema schema, Set<String> reservedNames) {
    this.type = type;
    this.objectMapper = objectMapper;
    this.conversionMapper =
        objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.schema = schema;
    JavaType javaType = objectMapper.constructType(type);
    this.writer = objectMapper.writerFor(javaType);
    this.reader = objectMapper.readerFor(javaType);
    this.reservedNames = new NameSet(reservedNames);
    RecordPlan.Compiled<T> compiled =
        RecordPlan.compile(type, objectMapper, schema.root(), reservedNames.size());
    this.plan = compiled.plan();
    this.noPlanReason = compiled.reason();
    if (noPlanReason != null && LOG.isDebugEnabled()) {
      LOG.debug(
          "{} is mapped through Jackson, not a compiled plan ({}); both give the same items",
          type.getName(),
          noPlanReason);
    }
  }

  /**
   * A Jackson 2 mapper configured for items: JavaTimeModule, Jdk8Module and ParameterNamesModule
   * registered; dates and durations written as ISO-8601 strings, with zone ids; unknown properties
   * ignored; offsets kept when reading dates; floating-point numbers in untyped positions read as
   * BigDecimal and whole numbers as Integer, Long or BigInteger.
   *
   * @return a new mapper
   */
  public static ObjectMapper defaultObjectMapper() {
    return configure(new ObjectMapper());
  }

  /**
   * Builds the mapper of a model type, checking the model eagerly.
   *
   * @param type the model type: a record or bean (or an abstract type with Jackson type info)
   * @param objectMapper the mapper to start from, which is copied and never changed; null for
   *     {@link #defaultObjectMapper()}
   * @param reservedNames attribute names the model may not use (keys and internal attributes)
   * @param <T> the model type
   * @return the mapper
   * @throws InvalidModelException when a property uses a reserved name, Jackson cannot write or
   *     read the type or one of its parts, the type has no properties, or it is not an object (an
   *     interface without type info, a primitive, an array, a collection or a map)
   */
  public static <T> ItemMapper<T> create(
      Class<T> type, @Nullable ObjectMapper objectMapper, Set<String> reservedNames) {
    Objects.requireNonNull(type, "type");
    ObjectMapper configured;
    if (objectMapper == null) {
      configured = defaultObjectMapper();
    } else {
      try {
        configured = configure(objectMapper.copy());
      } catch (IllegalStateException e) {
        throw new InvalidModelException(
            "the ObjectMapper for "
                + type.getSimpleName()
                + " cannot be copied ("
                + e.getMessage()
                + "); pass a plain ObjectMapper or JsonMapper",
            e);
      }
    }
    ModelSchema schema =
        ModelSchema.build(configured.constructType(type), configured, reservedNames);
    return new ItemMapper<>(type, configured, schema, reservedNames);
  }

  static ObjectMapper configure(ObjectMapper mapper) {
    registerIfAbsent(mapper, new JavaTimeModule());
    registerIfAbsent(mapper, new Jdk8Module());
    registerIfAbsent(mapper, new ParameterNamesModule());
    // Generated accessors instead of reflection: measured -17 % (small) / -28 % (medium) write CPU.
    registerIfAbsent(mapper, new BlackbirdModule());
    mapper.disable(
        SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    // Zone ids and offsets are kept both ways so ZonedDateTime and OffsetDateTime read back equal.
    mapper.enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID);
    mapper.disable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.USE_BIG_INTEGER_FOR_INTS,
        DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return mapper;
  }

  static void registerIfAbsent(ObjectMapper mapper, Module module) {
    if (!mapper.getRegisteredModuleIds().contains(module.getTypeId())) {
      mapper.registerModule(module);
    }
  }

  /**
   * The model type.
   *
   * @return the class this mapper maps
   */
  public Class<T> type() {
    return type;
  }

  /**
   * The Jackson mapper items are mapped with: a configured copy, never the caller's.
   *
   * @return the mapper
   */
  public ObjectMapper objectMapper() {
    return objectMapper;
  }

  /**
   * Why items of this model are mapped through Jackson rather than by a compiled {@link RecordPlan}
   * (a Jackson annotation, a custom serializer, an unsupported property type…).
   *
   * @return the reason, or null when the model has a compiled plan
   */
  public @Nullable String noPlanReason() {
    return noPlanReason;
  }

  /** The compiled plan, or null when items are mapped through Jackson only. */
  @Nullable RecordPlan<T> plan() {
    return plan;
  }

  /**
   * The model's attributes, to resolve command paths.
   *
   * @return the schema
   */
  public ModelSchema schema() {
    return schema;
  }

  /**
   * The model's attributes (no keys or reserved attributes). Properties whose value is null or an
   * empty optional, and empty sets, are omitted.
   *
   * @param item the model
   * @return a new mutable map, to which the caller may add keys
   * @throws UnstorableValueException when a value cannot be stored (NaN or infinite numbers, a set
   *     holding null), naming its path
   */
  public Map<String, AttributeValue> toAttributes(T item) {
    Objects.requireNonNull(item, "item");
    RecordPlan<T> compiled = plan;
    if (compiled != null) {
      Map<String, AttributeValue> attributes = compiled.write(item);
      if (attributes != null) {
        return attributes;
      }
    }
    return toAttributesThroughJackson(item);
  }

  /** {@link #toAttributes} through Jackson, the reference the compiled plan must match. */
  Map<String, AttributeValue> toAttributesThroughJackson(T item) {
    AttributeGenerator generator = new AttributeGenerator(objectMapper, schema.root(), "", true);
    try {
      writer.writeValue(generator, item);
    } catch (IOException | RuntimeException e) {
      throw writeFailure(e, "a " + type.getSimpleName());
    }
    Map<String, AttributeValue> attributes = generator.rootMap;
    if (attributes == null) {
      throw new IllegalArgumentException(
          "a " + type.getSimpleName() + " was not written as an object; a model must be one");
    }
    return attributes;
  }

  /**
   * Builds the model from an item's attributes. Attributes the model does not know (keys, reserved
   * attributes, anything else) are ignored; {@code NULL} properties read as absent, and absent set
   * properties as empty sets (an empty set is omitted when written).
   *
   * @param attributes the item's attributes
   * @return the model
   * @throws IllegalArgumentException when the attributes do not fit the model, naming the attribute
   *     and the reason
   */
  public T fromAttributes(Map<String, AttributeValue> attributes) {
    RecordPlan<T> compiled = plan;
    if (compiled != null) {
      T item = compiled.read(attributes);
      if (item != null) {
        return item;
      }
    }
    return fromAttributesThroughJackson(attributes);
  }

  /** {@link #fromAttributes} through Jackson, the reference the compiled plan must match. */
  T fromAttributesThroughJackson(Map<String, AttributeValue> attributes) {
    try (JsonParser parser =
        new AttributeParser(attributes, schema.root(), reservedNames, objectMapper)) {
      return type.cast(reader.readValue(parser));
    } catch (DatabindException e) {
      if (e.getCause() instanceof JsonParseException parse
          && parse.getProcessor() instanceof AttributeParser) {
        // The parser's own messages already name the attribute.
        throw new IllegalArgumentException(parse.getOriginalMessage(), e);
      }
      throw new IllegalArgumentException(
          "attribute '" + path(e) + "' cannot be read: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  /**
   * Converts a command value for the attribute at {@code path}: first to the attribute's Java type
   * (a {@code "2024-01-01"} string for a LocalDate, an Integer for a long, a Map for a nested
   * record…), then to an attribute value by the rules of {@link #toAttributes}. An empty set at a
   * record or bean property is {@code NULL} (an absent property), elsewhere an empty list.
   *
   * @param path a path resolved by {@link #schema()}
   * @param value the value; null gives {@code NULL}
   * @return the attribute value
   * @throws InvalidCommandException when the value cannot be converted or stored, naming the path,
   *     the value's type and the expected type
   */
  public AttributeValue toAttributeValue(AttributePath path, @Nullable Object value) {
    if (value == null) {
      return NUL;
    }
    ModelSchema.Location location = schema.locate(path.segments());
    return convertAndWrite(
        value,
        path.type(),
        path.kind(),
        location.node(),
        path.dotted(),
        location.beanProperty(),
        "value");
  }

  /**
   * Converts one element of a list or set attribute (to append, or to look up with {@code contains}
   * or {@code in}) to the attribute's element type, then to an attribute value.
   *
   * @param path a path resolved by {@link #schema()}, of kind LIST or SET
   * @param element the element; null gives {@code NULL} for lists
   * @return the element's attribute value
   * @throws InvalidCommandException when the path is not a list or set, the element is null for a
   *     set, or it cannot be converted or stored
   */
  public AttributeValue toElementAttributeValue(AttributePath path, @Nullable Object element) {
    AttributePath.Kind kind = path.kind();
    if (kind != AttributePath.Kind.LIST && kind != AttributePath.Kind.SET) {
      throw new InvalidCommandException(
          "'"
              + path.dotted()
              + "' is "
              + ModelSchema.typeName(path.type())
              + " ("
              + kind
              + "), not a list or set; only lists and sets have elements");
    }
    if (element == null) {
      if (kind == AttributePath.Kind.SET) {
        throw new InvalidCommandException(
            "null cannot be an element of set '"
                + path.dotted()
                + "'; DynamoDB sets cannot hold null");
      }
      return NUL;
    }
    ModelSchema.Node node = schema.locate(path.segments()).node().element();
    JavaType elementType = path.type().getContentType();
    if (elementType == null) {
      elementType = TypeFactory.unknownType();
    }
    return convertAndWrite(
        element, elementType, node.kind, node, path.dotted() + "[]", false, "element");
  }

  private AttributeValue convertAndWrite(
      Object value,
      JavaType target,
      AttributePath.Kind kind,
      ModelSchema.Node node,
      String where,
      boolean beanProperty,
      String what) {
    Object converted = convert(value, target, kind, where, what);
    if (converted == null) {
      return NUL;
    }
    RecordPlan<T> compiled = plan;
    if (compiled != null) {
      AttributeValue scalar = compiled.writeScalar(target.getRawClass(), converted);
      if (scalar != null) {
        return scalar;
      }
    }
    AttributeGenerator generator = new AttributeGenerator(objectMapper, node, where, beanProperty);
    try {
      if (isUntyped(target)) {
        objectMapper.writeValue(generator, converted);
      } else {
        objectMapper.writerFor(target).writeValue(generator, converted);
      }
    } catch (IOException | RuntimeException e) {
      RuntimeException failure = writeFailure(e, "the " + what + " for '" + where + "'");
      throw new InvalidCommandException(
          what
              + " "
              + show(value)
              + " ("
              + value.getClass().getSimpleName()
              + ") for '"
              + where
              + "' cannot be stored: "
              + failure.getMessage(),
          failure);
    }
    AttributeValue result = generator.result();
    return result == null ? NUL : result;
  }

  private @Nullable Object convert(
      Object value, JavaType target, AttributePath.Kind kind, String where, String what) {
    if (isUntyped(target)) {
      return value;
    }
    Class<?> raw = target.getRawClass();
    if (kind == AttributePath.Kind.INTEGRAL
        && (value instanceof Double || value instanceof Float || value instanceof BigDecimal)
        && !isWhole((Number) value)) {
      throw new InvalidCommandException(
          what
              + " "
              + show(value)
              + " ("
              + value.getClass().getSimpleName()
              + ") for '"
              + where
              + "' cannot be converted to "
              + ModelSchema.typeName(target)
              + ": it is not a whole number");
    }
    if (!target.isContainerType()
        && (raw.isInstance(value)
            || (raw.isPrimitive() && ClassUtil.wrapperType(raw).isInstance(value)))) {
      return value;
    }
    try {
      return conversionMapper.convertValue(value, target);
    } catch (IllegalArgumentException e) {
      throw new InvalidCommandException(
          what
              + " "
              + show(value)
              + " ("
              + value.getClass().getSimpleName()
              + ") for '"
              + where
              + "' cannot be converted to "
              + ModelSchema.typeName(target)
              + ": "
              + reason(e),
          e);
    }
  }

  static boolean isUntyped(JavaType target) {
    Class<?> raw = target.getRawClass();
    return raw == Object.class || JsonNode.class.isAssignableFrom(raw);
  }

  static boolean isWhole(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }
    double d = number.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  static String show(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }

  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JacksonException jackson) {
        String message = jackson.getOriginalMessage();
        return message == null ? String.valueOf(jackson.getMessage()) : message;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.valueOf(failure.getMessage());
  }

  /** The failure of a write: an UnstorableValueException when that is the cause. */
  static RuntimeException writeFailure(Throwable failure, String what) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnstorableValueException unstorable) {
        return unstorable;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new IllegalArgumentException(what + " cannot be written: " + reason(failure), failure);
  }

  /** The dotted path of a Jackson failure: {@code address.zip}, {@code tags[2]}. */
  static String path(DatabindException failure) {
    if (!(failure instanceof JsonMappingException mapping)) {
      return "?";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "?" : path.toString();
  }

  // ---- reading: attribute values as Jackson tokens ----

  /** Whether a value has parts, so the model's node for it matters. */
  static boolean isContainer(AttributeValue value) {
    AttributeValue.Type type = value.type();
    return type == AttributeValue.Type.M || type == AttributeValue.Type.L;
  }

  static boolean isNul(AttributeValue value) {
    return value.type() == AttributeValue.Type.NUL;
  }

  /**
   * A whole DynamoDB number as the narrowest exact Java number (Integer, Long or BigInteger); null
   * when the text is not a whole number.
   */
  static @Nullable Number parseWhole(String text) {
    int length = text.length();
    boolean negative = length > 0 && text.charAt(0) == '-';
    int start = negative ? 1 : 0;
    if (length == start) {
      return null;
    }
    if (length - start <= 18) {
      // Up to 18 digits fit a long: parse them in the same pass that checks them.
      long value = 0;
      for (int i = start; i < length; i++) {
        int digit = text.charAt(i) - '0';
        if (digit < 0 || digit > 9) {
          return null;
        }
        value = value * 10 + digit;
      }
      value = negative ? -value : value;
      return (int) value == value ? (Number) (int) value : (Number) value;
    }
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    BigInteger number = new BigInteger(text);
    return number.bitLength() < 64 ? (Number) number.longValue() : number;
  }

  /** Whether text is a decimal number: {@code -12.5}, {@code 1.0E300}, {@code 5E-3}. */
  static boolean isDecimal(String text) {
    int length = text.length();
    int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    char e = text.charAt(i);
    if (e != 'e' && e != 'E') {
      return false;
    }
    i++;
    if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    if (i == length) {
      return false;
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A few names, checked without hashing: most names fail on their first character. */
  static final class NameSet {
    static final NameSet NONE = new NameSet(Set.of());

    private final String[] names;
    private final long[] firstChars = new long[2];

    NameSet(Set<String> names) {
      this.names = names.toArray(new String[0]);
      for (String name : this.names) {
        char first = name.isEmpty() ? 0 : name.charAt(0);
        if (first < 128) {
          firstChars[first >> 6] |= 1L << (first & 63);
        }
      }
    }

    boolean contains(String name) {
      if (names.length == 0) {
        return false;
      }
      char first = name.isEmpty() ? 0 : name.charAt(0);
      if (first < 128 && (firstChars[first >> 6] & (1L << (first & 63))) == 0) {
        return false;
      }
      for (String candidate : names) {
        if (candidate.equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  // ---- writing: Jackson tokens to attribute values ----

}
