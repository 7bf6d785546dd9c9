package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.MappingMessages.path;
import static io.github.pydanticdynamo.internal.mapping.MappingMessages.reason;
import static io.github.pydanticdynamo.internal.mapping.MappingMessages.typeName;
import static io.github.pydanticdynamo.internal.mapping.MappingMessages.writeFailure;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.NUL;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.ClassUtil;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.StorageFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A model to DynamoDB attributes and back: the compiled plan when there is one, else Jackson. */
public final class ItemMapper<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ItemMapper.class);

  private final Class<T> type;
  private final ObjectMapper objectMapper;
  private final ObjectMapper conversionMapper;
  private final ModelSchema schema;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final NameSet reservedNames;
  private final StorageFormat format;
  private final @Nullable RecordPlan<T> plan;
  private final @Nullable String noPlanReason;

  private ItemMapper(
      Class<T> type,
      ObjectMapper objectMapper,
      ModelSchema schema,
      Set<String> reservedNames,
      StorageFormat format) {
    this.type = type;
    this.format = format;
    this.objectMapper = objectMapper;
    this.conversionMapper = JacksonConfiguration.conversionMapper(objectMapper);
    this.schema = schema;
    JavaType javaType = objectMapper.constructType(type);
    this.writer = objectMapper.writerFor(javaType);
    this.reader = objectMapper.readerFor(javaType);
    this.reservedNames = new NameSet(reservedNames);
    PlanCompiler.Compiled<T> compiled =
        PlanCompiler.compile(type, objectMapper, schema.root(), reservedNames.size(), format);
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
    return JacksonConfiguration.newMapper();
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
    return create(type, objectMapper, reservedNames, StorageFormat.STANDARD);
  }

  /**
   * Builds the mapper of a model type for a storage format, checking the model eagerly.
   *
   * @param format how null properties and sets are stored (dates and times are alike in both)
   * @see #create(Class, ObjectMapper, Set)
   */
  public static <T> ItemMapper<T> create(
      Class<T> type,
      @Nullable ObjectMapper objectMapper,
      Set<String> reservedNames,
      StorageFormat format) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(format, "format");
    ObjectMapper configured = JacksonConfiguration.configuredCopy(objectMapper, type);
    ModelSchema schema =
        ModelSchemaBuilder.build(configured.constructType(type), configured, reservedNames);
    return new ItemMapper<>(type, configured, schema, reservedNames, format);
  }

  /**
   * The model type.
   *
   * @return the class this mapper maps
   */
  Class<T> type() {
    return type;
  }

  /**
   * The Jackson mapper items are mapped with: a configured copy, never the caller's.
   *
   * @return the mapper
   */
  ObjectMapper objectMapper() {
    return objectMapper;
  }

  /**
   * The storage format items are written in.
   *
   * @return the format
   */
  public StorageFormat format() {
    return format;
  }

  /**
   * Whether a null value is stored as {@code NULL} (the Python format) rather than left out.
   *
   * @return true in the Python format
   */
  public boolean storesNulls() {
    return format == StorageFormat.PYTHON;
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
   * The model's attributes (no keys or reserved attributes). In the standard format properties
   * whose value is null or an empty optional, and empty sets, are omitted; in the Python format
   * they are {@code NULL} and an empty list, and every set is a list.
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
        if (!compiled.shallow()) { // Jackson's path checks as it goes
          String tooDeep = StoredValues.tooDeepPath(attributes);
          if (tooDeep != null) {
            throw new UnstorableValueException(tooDeep, StoredValues.tooDeep());
          }
        }
        return attributes;
      }
    }
    return toAttributesThroughJackson(item);
  }

  /**
   * Checks that {@link #toAttributes} writes the model without failing, without building its
   * attributes, where the compiled plan can tell: an upper bound of their stored size as DynamoDB
   * counts it (names included), or -1 when only {@code toAttributes} can tell (no plan, or a value
   * the Jackson path writes or reports).
   *
   * @param item the model
   * @return a size bound in bytes, or -1
   */
  public long checkedSize(T item) {
    RecordPlan<T> compiled = plan;
    return compiled == null ? -1 : compiled.check(Objects.requireNonNull(item, "item"));
  }

  /**
   * The top-level attributes named {@code names} as {@link #toAttributes} writes them, for a model
   * {@link #checkedSize} vouched for; null when only {@code toAttributes} can tell.
   *
   * @param item the model
   * @param names top-level attribute names
   * @return a new mutable map of those of them that are written, or null
   */
  public @Nullable Map<String, AttributeValue> someAttributes(T item, Set<String> names) {
    RecordPlan<T> compiled = plan;
    return compiled == null ? null : compiled.writeSome(item, names);
  }

  /** {@link #toAttributes} through Jackson, the reference the compiled plan must match. */
  Map<String, AttributeValue> toAttributesThroughJackson(T item) {
    AttributeGenerator generator =
        new AttributeGenerator(objectMapper, schema.root(), "", true, format);
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
          "attribute '"
              + path(e)
              + "' cannot be read: "
              + MappingMessages.withoutValues(String.valueOf(e.getOriginalMessage())),
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  /**
   * Converts a command value for the attribute at {@code path}: first to the attribute's Java type
   * (a {@code "2024-01-01"} string for a LocalDate, an Integer for a long, a Map for a nested
   * record…), then to an attribute value by the rules of {@link #toAttributes}. In the standard
   * format an empty set at a record or bean property is {@code NULL} (an absent property),
   * elsewhere an empty list; in the Python format every set is a list.
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
        "value",
        path.segments().size());
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
              + typeName(path.type())
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
        element,
        elementType,
        node.kind,
        node,
        path.dotted() + "[]",
        false,
        "element",
        path.segments().size() + 1);
  }

  private AttributeValue convertAndWrite(
      Object value,
      JavaType target,
      AttributePath.Kind kind,
      ModelSchema.Node node,
      String where,
      boolean beanProperty,
      String what,
      int level) {
    if (tooDeep(value, level, 0)) {
      throw commandValueFailure(
          what, value, where, "cannot be stored: it " + StoredValues.tooDeep(), null);
    }
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
    AttributeGenerator generator =
        new AttributeGenerator(objectMapper, node, where, beanProperty, format).atLevel(level);
    try {
      if (isUntyped(target)) {
        objectMapper.writeValue(generator, converted);
      } else {
        objectMapper.writerFor(target).writeValue(generator, converted);
      }
    } catch (IOException | RuntimeException e) {
      RuntimeException failure = writeFailure(e, "the " + what + " for '" + where + "'");
      throw commandValueFailure(
          what, value, where, "cannot be stored: " + failure.getMessage(), failure);
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
      throw commandValueFailure(
          what,
          value,
          where,
          "cannot be converted to " + typeName(target) + ": it is not a whole number",
          null);
    }
    if (!target.isContainerType()
        && (raw.isInstance(value)
            || (raw.isPrimitive() && ClassUtil.wrapperType(raw).isInstance(value)))) {
      return value;
    }
    try {
      return conversionMapper.convertValue(value, target);
    } catch (IllegalArgumentException e) {
      throw commandValueFailure(
          what, value, where, "cannot be converted to " + typeName(target) + ": " + reason(e), e);
    }
  }

  /**
   * A command value that cannot be used: {@code value of type String for 'rank' <problem>}; the
   * value itself is never shown (it may be a secret, and messages reach logs and HTTP answers).
   */
  private static InvalidCommandException commandValueFailure(
      String what, Object value, String where, String problem, @Nullable Throwable cause) {
    return new InvalidCommandException(
        what + " of type " + value.getClass().getSimpleName() + " for '" + where + "' " + problem,
        cause);
  }

  /**
   * Whether a caller's map, collection or array nests deeper than DynamoDB allows when stored at
   * {@code level}, or holds itself: checked before Jackson recurses into it.
   */
  private static boolean tooDeep(@Nullable Object value, int level, int walked) {
    if (value instanceof Map<?, ?> map) {
      if (level > StoredValues.MAX_NESTING_LEVELS || walked > StoredValues.MAX_NESTING_LEVELS) {
        return true;
      }
      for (Object entry : map.values()) {
        if (tooDeep(entry, level + 1, walked + 1)) {
          return true;
        }
      }
    } else if (value instanceof Iterable<?> iterable && !(value instanceof java.nio.file.Path)) {
      if (level > StoredValues.MAX_NESTING_LEVELS || walked > StoredValues.MAX_NESTING_LEVELS) {
        return true;
      }
      for (Object element : iterable) {
        if (tooDeep(element, level + 1, walked + 1)) {
          return true;
        }
      }
    } else if (value instanceof Object[] array) {
      if (level > StoredValues.MAX_NESTING_LEVELS || walked > StoredValues.MAX_NESTING_LEVELS) {
        return true;
      }
      for (Object element : array) {
        if (tooDeep(element, level + 1, walked + 1)) {
          return true;
        }
      }
    }
    return false;
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
}
