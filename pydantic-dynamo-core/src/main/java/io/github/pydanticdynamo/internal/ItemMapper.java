package io.github.pydanticdynamo.internal;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
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
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidModelException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
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
 * <pre>{@code
 * ItemMapper<FilmActor> mapper = ItemMapper.create(FilmActor.class, null, Set.of("_ttl"));
 * Map<String, AttributeValue> attributes = mapper.toAttributes(actor);
 * FilmActor back = mapper.fromAttributes(attributes);
 * }</pre>
 *
 * @param <T> the model type
 */
public final class ItemMapper<T> {

  private static final AttributeValue NUL = AttributeValue.fromNul(true);
  private static final AttributeValue TRUE = AttributeValue.fromBool(true);
  private static final AttributeValue FALSE = AttributeValue.fromBool(false);
  private static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  private final Class<T> type;
  private final ObjectMapper objectMapper;
  private final ObjectMapper conversionMapper;
  private final ModelSchema schema;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final NameSet reservedNames;

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

  private static ObjectMapper configure(ObjectMapper mapper) {
    registerIfAbsent(mapper, new JavaTimeModule());
    registerIfAbsent(mapper, new Jdk8Module());
    registerIfAbsent(mapper, new ParameterNamesModule());
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

  private static void registerIfAbsent(ObjectMapper mapper, Module module) {
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
    if (!target.isContainerType() && raw.isInstance(value)) {
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

  private static boolean isUntyped(JavaType target) {
    Class<?> raw = target.getRawClass();
    return raw == Object.class || JsonNode.class.isAssignableFrom(raw);
  }

  private static boolean isWhole(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }
    double d = number.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  private static String show(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }

  private static String reason(Throwable failure) {
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
  private static RuntimeException writeFailure(Throwable failure, String what) {
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
  private static String path(DatabindException failure) {
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
  private static boolean isContainer(AttributeValue value) {
    AttributeValue.Type type = value.type();
    return type == AttributeValue.Type.M || type == AttributeValue.Type.L;
  }

  private static boolean isNul(AttributeValue value) {
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
  private static final class NameSet {
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

  /** Jackson tokens from attribute values; skips NULL record properties and reserved names. */
  private static final class AttributeParser extends ParserMinimalBase {
    private final NameSet reservedNames;
    private ObjectCodec codec;
    private Cursor cursor;
    private boolean closed;

    private @Nullable String text;
    private @Nullable Number number;

    /** The current decimal's text, parsed only into the type asked for (double, BigDecimal…). */
    private @Nullable String decimal;

    private byte @Nullable [] binary;
    private @Nullable Cursor child;

    AttributeParser(
        Map<String, AttributeValue> attributes,
        ModelSchema.Node root,
        NameSet reservedNames,
        ObjectCodec codec) {
      super(0, StreamReadConstraints.defaults());
      this.reservedNames = reservedNames;
      this.codec = codec;
      this.cursor = new RootCursor(attributes, root);
    }

    /** A position in the item: the root, an object (M) or an array (L, SS, NS, BS). */
    private abstract static class Cursor extends JsonStreamContext {
      final @Nullable Cursor parent;
      @Nullable String name;
      @Nullable Object currentValue;

      Cursor(@Nullable Cursor parent, int type) {
        super(type, -1);
        this.parent = parent;
        this._nestingDepth = parent == null ? 0 : parent._nestingDepth + 1;
      }

      /** The next token here; containers are announced through {@link #child}. */
      abstract @Nullable JsonToken next(AttributeParser parser) throws IOException;

      @Override
      public @Nullable Cursor getParent() {
        return parent;
      }

      @Override
      public @Nullable String getCurrentName() {
        return name;
      }

      @Override
      public @Nullable Object getCurrentValue() {
        return currentValue;
      }

      @Override
      public void setCurrentValue(@Nullable Object value) {
        currentValue = value;
      }
    }

    private static final class RootCursor extends Cursor {
      private @Nullable Map<String, AttributeValue> attributes;
      private final ModelSchema.Node node;

      RootCursor(Map<String, AttributeValue> attributes, ModelSchema.Node node) {
        super(null, TYPE_ROOT);
        this.attributes = attributes;
        this.node = node;
      }

      @Override
      @Nullable JsonToken next(AttributeParser parser) {
        Map<String, AttributeValue> item = attributes;
        if (item == null) {
          return null;
        }
        attributes = null;
        _index = 0;
        parser.child = new ObjectCursor(this, item, node, parser.reservedNames);
        return JsonToken.START_OBJECT;
      }
    }

    private static final class ObjectCursor extends Cursor {
      private final Iterator<Map.Entry<String, AttributeValue>> entries;
      private final ModelSchema.Node node;
      private final boolean object;
      private final NameSet skipped;
      private final List<String> sets;
      private boolean @Nullable [] setsSeen;
      private int nextSet;
      private @Nullable AttributeValue pending;

      ObjectCursor(
          Cursor parent,
          Map<String, AttributeValue> entries,
          ModelSchema.Node node,
          NameSet skipped) {
        super(parent, TYPE_OBJECT);
        this.entries = entries.entrySet().iterator();
        this.node = node;
        this.object = node.isObject();
        this.skipped = skipped;
        this.sets = node.setProperties;
      }

      @Override
      @Nullable JsonToken next(AttributeParser parser) throws IOException {
        AttributeValue value = pending;
        if (value != null) {
          pending = null;
          return parser.valueToken(this, value, isContainer(value) ? node.child(name) : node);
        }
        while (entries.hasNext()) {
          Map.Entry<String, AttributeValue> entry = entries.next();
          AttributeValue next = entry.getValue();
          // NULL properties of records and beans read as absent, like omitted ones.
          if (next == null || (object && isNul(next)) || skipped.contains(entry.getKey())) {
            continue;
          }
          name = entry.getKey();
          pending = next;
          _index++;
          if (!sets.isEmpty()) {
            seen(name);
          }
          return JsonToken.FIELD_NAME;
        }
        // DynamoDB cannot store an empty set (it was omitted), so absent sets read as empty.
        while (nextSet < sets.size()) {
          int index = nextSet++;
          if (setsSeen == null || !setsSeen[index]) {
            name = sets.get(index);
            pending = EMPTY_LIST;
            _index++;
            return JsonToken.FIELD_NAME;
          }
        }
        return JsonToken.END_OBJECT;
      }

      private void seen(String property) {
        int index = sets.indexOf(property);
        if (index >= 0) {
          boolean[] seen = setsSeen;
          if (seen == null) {
            seen = new boolean[sets.size()];
            setsSeen = seen;
          }
          seen[index] = true;
        }
      }
    }

    private static final class ArrayCursor extends Cursor {
      private static final int VALUES = 0;
      private static final int STRINGS = 1;
      private static final int NUMBERS = 2;
      private static final int BINARIES = 3;

      private final Iterator<?> elements;
      private final int elementType;
      private final ModelSchema.Node node;

      ArrayCursor(Cursor parent, List<?> elements, int elementType, ModelSchema.Node node) {
        super(parent, TYPE_ARRAY);
        this.elements = elements.iterator();
        this.elementType = elementType;
        this.node = node;
      }

      @Override
      @Nullable JsonToken next(AttributeParser parser) throws IOException {
        if (!elements.hasNext()) {
          return JsonToken.END_ARRAY;
        }
        Object element = elements.next();
        _index++;
        return switch (elementType) {
          case STRINGS -> parser.stringToken((String) element);
          case NUMBERS -> parser.numberToken(this, (String) element);
          case BINARIES -> parser.binaryToken((SdkBytes) element);
          default -> parser.valueToken(this, (AttributeValue) element, node.element());
        };
      }
    }

    private JsonToken valueToken(Cursor at, AttributeValue value, ModelSchema.Node node)
        throws IOException {
      switch (value.type()) {
        case S:
          return stringToken(value.s());
        case N:
          return numberToken(at, value.n());
        case BOOL:
          return Boolean.TRUE.equals(value.bool()) ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
        case NUL:
          return JsonToken.VALUE_NULL;
        case B:
          return binaryToken(value.b());
        case M:
          child = new ObjectCursor(at, value.m(), node, NameSet.NONE);
          return JsonToken.START_OBJECT;
        case L:
          child = new ArrayCursor(at, value.l(), ArrayCursor.VALUES, node);
          return JsonToken.START_ARRAY;
        case SS:
          child = new ArrayCursor(at, value.ss(), ArrayCursor.STRINGS, node);
          return JsonToken.START_ARRAY;
        case NS:
          child = new ArrayCursor(at, value.ns(), ArrayCursor.NUMBERS, node);
          return JsonToken.START_ARRAY;
        case BS:
          child = new ArrayCursor(at, value.bs(), ArrayCursor.BINARIES, node);
          return JsonToken.START_ARRAY;
        default:
          throw _constructError(
              "attribute '"
                  + path(at)
                  + "' cannot be read: its type is unknown to this SDK version: "
                  + value);
      }
    }

    /** The dotted path of the value a cursor is at: {@code address.zip}, {@code tags[2]}. */
    private static String path(Cursor at) {
      List<Cursor> chain = new ArrayList<>();
      for (Cursor c = at; c != null && c.parent != null; c = c.parent) {
        chain.add(c);
      }
      StringBuilder path = new StringBuilder();
      for (int i = chain.size() - 1; i >= 0; i--) {
        Cursor c = chain.get(i);
        if (c.inArray()) {
          path.append('[').append(c.getCurrentIndex()).append(']');
        } else {
          if (path.length() > 0) {
            path.append('.');
          }
          path.append(c.name);
        }
      }
      return path.toString();
    }

    private JsonToken stringToken(String value) {
      text = value;
      return JsonToken.VALUE_STRING;
    }

    private JsonToken numberToken(Cursor at, String value) throws IOException {
      Number whole = parseWhole(value);
      if (whole != null) {
        number = whole;
        decimal = null;
        return JsonToken.VALUE_NUMBER_INT;
      }
      if (!isDecimal(value)) {
        throw _constructError(
            "attribute '" + path(at) + "' cannot be read: '" + value + "' is not a number");
      }
      number = null;
      decimal = value;
      return JsonToken.VALUE_NUMBER_FLOAT;
    }

    private JsonToken binaryToken(SdkBytes value) {
      binary = value.asByteArray();
      return JsonToken.VALUE_EMBEDDED_OBJECT;
    }

    @Override
    public @Nullable JsonToken nextToken() throws IOException {
      if (closed) {
        return null;
      }
      JsonToken token = cursor.next(this);
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        cursor = Objects.requireNonNull(child);
        child = null;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        cursor = Objects.requireNonNull(cursor.parent);
      }
      _currToken = token;
      return token;
    }

    @Override
    @Deprecated
    public @Nullable String getCurrentName() {
      return currentName();
    }

    @Override
    public @Nullable String currentName() {
      JsonStreamContext context = cursor;
      if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
        context = context.getParent();
      }
      return context == null ? null : context.getCurrentName();
    }

    @Override
    public void overrideCurrentName(String name) {
      Cursor context = cursor;
      if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
        context = context.parent;
      }
      if (context != null) {
        context.name = name;
      }
    }

    @Override
    public JsonStreamContext getParsingContext() {
      return cursor;
    }

    @Override
    public @Nullable String getText() {
      JsonToken token = _currToken;
      if (token == null) {
        return null;
      }
      return switch (token) {
        case VALUE_STRING -> text;
        case FIELD_NAME -> cursor.name;
        case VALUE_NUMBER_INT -> String.valueOf(number);
        case VALUE_NUMBER_FLOAT -> decimal;
        case VALUE_EMBEDDED_OBJECT -> null;
        default -> token.asString();
      };
    }

    @Override
    public char @Nullable [] getTextCharacters() {
      String value = getText();
      return value == null ? null : value.toCharArray();
    }

    @Override
    public boolean hasTextCharacters() {
      return false;
    }

    @Override
    public int getTextLength() {
      String value = getText();
      return value == null ? 0 : value.length();
    }

    @Override
    public int getTextOffset() {
      return 0;
    }

    @Override
    public @Nullable Object getEmbeddedObject() {
      return _currToken == JsonToken.VALUE_EMBEDDED_OBJECT ? binary : null;
    }

    @Override
    public byte[] getBinaryValue(Base64Variant variant) throws IOException {
      if (_currToken == JsonToken.VALUE_EMBEDDED_OBJECT && binary != null) {
        return binary;
      }
      if (_currToken == JsonToken.VALUE_STRING && text != null) {
        try {
          return variant.decode(text);
        } catch (IllegalArgumentException e) {
          throw _constructError("the string is not base64 binary data: " + e.getMessage(), e);
        }
      }
      throw _constructError("current token (" + _currToken + ") is not binary data");
    }

    private Number numeric() throws IOException {
      if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
        Number value = number;
        if (value == null) {
          value = new BigDecimal(Objects.requireNonNull(decimal));
          number = value;
        }
        return value;
      }
      Number value = number;
      if (value == null || _currToken != JsonToken.VALUE_NUMBER_INT) {
        throw _constructError("current token (" + _currToken + ") is not a number");
      }
      return value;
    }

    @Override
    public Number getNumberValue() throws IOException {
      return numeric();
    }

    @Override
    public NumberType getNumberType() throws IOException {
      if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
        return NumberType.BIG_DECIMAL;
      }
      Number value = numeric();
      if (value instanceof Integer) {
        return NumberType.INT;
      }
      if (value instanceof Long) {
        return NumberType.LONG;
      }
      return value instanceof BigInteger ? NumberType.BIG_INTEGER : NumberType.BIG_DECIMAL;
    }

    @Override
    public NumberTypeFP getNumberTypeFP() {
      return _currToken == JsonToken.VALUE_NUMBER_FLOAT
          ? NumberTypeFP.BIG_DECIMAL
          : NumberTypeFP.UNKNOWN;
    }

    @Override
    public int getIntValue() throws IOException {
      Number value = numeric();
      if (value instanceof Integer integer) {
        return integer;
      }
      long whole = getLongValue();
      if ((int) whole != whole) {
        reportOverflowInt();
      }
      return (int) whole;
    }

    @Override
    public long getLongValue() throws IOException {
      Number value = numeric();
      if (value instanceof Integer || value instanceof Long) {
        return value.longValue();
      }
      BigInteger whole =
          value instanceof BigInteger big ? big : ((BigDecimal) value).toBigInteger();
      if (whole.bitLength() >= 64) {
        reportOverflowLong();
      }
      return whole.longValue();
    }

    @Override
    public BigInteger getBigIntegerValue() throws IOException {
      Number value = numeric();
      if (value instanceof BigInteger big) {
        return big;
      }
      return value instanceof BigDecimal decimal
          ? decimal.toBigInteger()
          : BigInteger.valueOf(value.longValue());
    }

    // Parsing the text directly rounds exactly as BigDecimal.floatValue/doubleValue would.

    @Override
    public float getFloatValue() throws IOException {
      String text = decimal;
      if (_currToken == JsonToken.VALUE_NUMBER_FLOAT && number == null && text != null) {
        return Float.parseFloat(text);
      }
      return numeric().floatValue();
    }

    @Override
    public double getDoubleValue() throws IOException {
      String text = decimal;
      if (_currToken == JsonToken.VALUE_NUMBER_FLOAT && number == null && text != null) {
        return Double.parseDouble(text);
      }
      return numeric().doubleValue();
    }

    @Override
    public BigDecimal getDecimalValue() throws IOException {
      Number value = numeric();
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      return value instanceof BigInteger big
          ? new BigDecimal(big)
          : BigDecimal.valueOf(value.longValue());
    }

    @Override
    protected void _handleEOF() {}

    @Override
    public ObjectCodec getCodec() {
      return codec;
    }

    @Override
    public void setCodec(ObjectCodec codec) {
      this.codec = codec;
    }

    @Override
    public Version version() {
      return Version.unknownVersion();
    }

    @Override
    @Deprecated
    public JsonLocation getCurrentLocation() {
      return JsonLocation.NA;
    }

    @Override
    @Deprecated
    public JsonLocation getTokenLocation() {
      return JsonLocation.NA;
    }

    @Override
    public JsonLocation currentLocation() {
      return JsonLocation.NA;
    }

    @Override
    public JsonLocation currentTokenLocation() {
      return JsonLocation.NA;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  // ---- writing: Jackson tokens to attribute values ----

  /**
   * Attribute values from Jackson tokens, telling records from maps and sets from lists. (It uses
   * the SDK's createX factories, which skip the builders: same values, fewer allocations.)
   */
  private static final class AttributeGenerator extends JsonGenerator {
    private static final int OBJECT = 0;
    private static final int MAP = 1;
    private static final int LIST = 2;
    private static final int SET = 3;

    private ObjectCodec codec;
    private int features = JsonGenerator.Feature.collectDefaults();
    private boolean closed;

    private final ModelSchema.Node rootNode;
    private final String rootPath;
    private final boolean rootIsProperty;
    private final Frame root = new Frame(null);

    private Frame[] frames = new Frame[8];
    private int depth = -1;

    @Nullable Map<String, AttributeValue> rootMap;
    private @Nullable AttributeValue rootValue;

    AttributeGenerator(
        ObjectCodec codec, ModelSchema.Node rootNode, String rootPath, boolean rootIsProperty) {
      this.codec = codec;
      this.rootNode = rootNode;
      this.rootPath = rootPath;
      this.rootIsProperty = rootIsProperty;
    }

    /** One open object or array, which is also Jackson's output context. */
    private static final class Frame extends JsonStreamContext {
      private final @Nullable Frame parent;
      int kind;
      ModelSchema.Node node = ModelSchema.ANY;
      @Nullable Map<String, AttributeValue> map;
      @Nullable List<AttributeValue> list;

      /** A set's strings, number texts or bytes, while they are all of {@link #scalarType}. */
      @Nullable List<Object> scalars;

      AttributeValue.@Nullable Type scalarType;
      @Nullable String name;
      @Nullable String segmentName;
      int segmentIndex;
      @Nullable Object currentValue;

      Frame(@Nullable Frame parent) {
        super(parent == null ? TYPE_ROOT : TYPE_OBJECT, -1);
        this.parent = parent;
        this._nestingDepth = parent == null ? 0 : parent._nestingDepth + 1;
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

      @Override
      public @Nullable JsonStreamContext getParent() {
        return parent;
      }

      @Override
      public @Nullable String getCurrentName() {
        return name;
      }

      @Override
      public @Nullable Object getCurrentValue() {
        return currentValue;
      }

      @Override
      public void setCurrentValue(@Nullable Object value) {
        currentValue = value;
      }
    }

    /** The written value; null when it was omitted (an empty set at a property). */
    @Nullable AttributeValue result() {
      if (rootValue != null) {
        return rootValue;
      }
      Map<String, AttributeValue> map = rootMap;
      return map == null ? null : AttributeValue.createM(map);
    }

    // -- structure --

    /** The node of the value being written: looked up only for objects and arrays. */
    private ModelSchema.Node childNode() {
      if (depth < 0) {
        return rootNode;
      }
      Frame frame = frames[depth];
      return frame.kind == OBJECT ? frame.node.child(frame.name) : frame.node.element();
    }

    private Frame push(int kind, ModelSchema.Node node, @Nullable Object forValue) {
      Frame parent = depth < 0 ? null : frames[depth];
      if (++depth == frames.length) {
        frames = Arrays.copyOf(frames, depth * 2);
      }
      Frame frame = frames[depth];
      if (frame == null) {
        frame = new Frame(parent == null ? root : parent);
        frames[depth] = frame;
      }
      frame.open(kind == OBJECT || kind == MAP);
      frame.kind = kind;
      frame.node = node;
      frame.name = null;
      frame.map = null;
      frame.list = null;
      frame.scalars = null;
      frame.scalarType = null;
      frame.currentValue = forValue;
      if (parent == null) {
        frame.segmentName = null;
        frame.segmentIndex = -1;
      } else if (parent.kind == LIST || parent.kind == SET) {
        frame.segmentName = null;
        frame.segmentIndex = parent.size();
      } else {
        frame.segmentName = parent.name;
        frame.segmentIndex = -1;
      }
      return frame;
    }

    @Override
    public void writeStartObject() {
      startObject(null);
    }

    @Override
    public void writeStartObject(@Nullable Object forValue) {
      startObject(forValue);
    }

    @Override
    public void writeStartObject(@Nullable Object forValue, int size) {
      startObject(forValue);
    }

    private void startObject(@Nullable Object forValue) {
      ModelSchema.Node node = childNode();
      boolean object = node.isObject();
      Frame frame = push(object ? OBJECT : MAP, node, forValue);
      frame.map = new HashMap<>(object ? node.properties.size() * 4 / 3 + 2 : 16);
    }

    @Override
    public void writeStartArray() {
      startArray(null, 10);
    }

    @Override
    public void writeStartArray(@Nullable Object forValue) {
      startArray(forValue, 10);
    }

    @Override
    public void writeStartArray(@Nullable Object forValue, int size) {
      startArray(forValue, size);
    }

    private void startArray(@Nullable Object forValue, int size) {
      ModelSchema.Node node = childNode();
      boolean set = node.isSet();
      Frame frame = push(set ? SET : LIST, node, forValue);
      if (set) {
        frame.scalars = new ArrayList<>(Math.max(size, 0));
      } else {
        frame.list = new ArrayList<>(Math.max(size, 0));
      }
    }

    @Override
    public void writeFieldName(String name) {
      Frame frame = frames[depth];
      frame.name = name;
      frame.advance();
    }

    @Override
    public void writeFieldName(SerializableString name) {
      writeFieldName(name.getValue());
    }

    @Override
    public void writeEndObject() {
      Frame frame = frames[depth--];
      Map<String, AttributeValue> map = frame.map;
      frame.map = null;
      frame.currentValue = null;
      if (depth < 0) {
        rootMap = map;
      } else {
        value(AttributeValue.createM(map));
      }
    }

    @Override
    public void writeEndArray() {
      Frame frame = frames[depth--];
      List<AttributeValue> list = frame.list;
      List<Object> scalars = frame.scalars;
      AttributeValue.Type scalarType = frame.scalarType;
      frame.list = null;
      frame.scalars = null;
      frame.currentValue = null;
      if (list != null) {
        // A list, or a set of values that are not all strings, all numbers or all bytes.
        value(AttributeValue.createL(list));
      } else if (scalarType != null) {
        value(toSet(scalarType, Objects.requireNonNull(scalars), frame.node.element().type));
      } else if (depth < 0 ? !rootIsProperty : frames[depth].kind != OBJECT) {
        // Map values and list elements keep their place, so an empty set there is an empty list.
        value(EMPTY_LIST);
      } else if (depth < 0) {
        value(NUL);
      }
    }

    /** A set of strings, numbers or bytes as SS, NS or BS, without duplicates. */
    @SuppressWarnings("unchecked")
    private static AttributeValue toSet(
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

    private void value(AttributeValue value) {
      if (depth < 0) {
        rootValue = value;
        return;
      }
      Frame frame = frames[depth];
      if (frame.kind == LIST) {
        frame.advance();
        frame.list.add(value);
      } else if (frame.kind == SET) {
        frame.advance();
        frame.mixed().add(value);
      } else {
        frame.map.put(frame.name, value);
      }
    }

    private void string(String text) {
      Frame frame = depth < 0 ? null : frames[depth];
      if (frame != null && frame.kind == SET) {
        frame.advance();
        frame.addScalar(AttributeValue.Type.S, text);
      } else {
        value(AttributeValue.createS(text));
      }
    }

    private void number(String text) {
      Frame frame = depth < 0 ? null : frames[depth];
      if (frame != null && frame.kind == SET) {
        frame.advance();
        frame.addScalar(AttributeValue.Type.N, text);
      } else {
        value(AttributeValue.createN(text));
      }
    }

    private void binary(SdkBytes bytes) {
      Frame frame = depth < 0 ? null : frames[depth];
      if (frame != null && frame.kind == SET) {
        frame.advance();
        frame.addScalar(AttributeValue.Type.B, bytes);
      } else {
        value(AttributeValue.createB(bytes));
      }
    }

    // -- paths for errors --

    private String path(int upTo) {
      StringBuilder path = new StringBuilder(rootPath);
      for (int i = 1; i <= upTo; i++) {
        append(path, frames[i].segmentName, frames[i].segmentIndex);
      }
      return path.toString();
    }

    private static void append(StringBuilder path, @Nullable String name, int index) {
      if (name != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(name);
      } else if (index >= 0) {
        path.append('[').append(index).append(']');
      }
    }

    private String currentPath() {
      if (depth < 0) {
        return rootPath;
      }
      StringBuilder path = new StringBuilder(path(depth));
      Frame frame = frames[depth];
      if (frame.kind == LIST || frame.kind == SET) {
        append(path, null, frame.size());
      } else {
        append(path, frame.name, -1);
      }
      return path.toString();
    }

    private UnstorableValueException unstorable(String reason) {
      return new UnstorableValueException(currentPath(), reason);
    }

    // -- scalars --

    @Override
    public void writeNull() {
      if (depth >= 0) {
        Frame frame = frames[depth];
        if (frame.kind == OBJECT) {
          return;
        }
        if (frame.kind == SET) {
          throw new UnstorableValueException(
              path(depth),
              "contains null: DynamoDB sets cannot hold null; remove it or use a List");
        }
      }
      value(NUL);
    }

    @Override
    public void writeString(String text) {
      if (text == null) {
        writeNull();
      } else {
        string(text);
      }
    }

    @Override
    public void writeString(char[] buffer, int offset, int length) {
      string(new String(buffer, offset, length));
    }

    @Override
    public void writeString(SerializableString text) {
      string(text.getValue());
    }

    @Override
    public void writeRawUTF8String(byte[] buffer, int offset, int length) {
      string(new String(buffer, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void writeUTF8String(byte[] buffer, int offset, int length) {
      writeRawUTF8String(buffer, offset, length);
    }

    @Override
    public void writeBoolean(boolean state) {
      value(state ? TRUE : FALSE);
    }

    @Override
    public void writeNumber(int number) {
      number(Integer.toString(number));
    }

    @Override
    public void writeNumber(long number) {
      number(Long.toString(number));
    }

    @Override
    public void writeNumber(BigInteger number) {
      if (number == null) {
        writeNull();
      } else {
        checkDynamoRange(new BigDecimal(number));
        number(number.toString());
      }
    }

    @Override
    public void writeNumber(double number) {
      if (!Double.isFinite(number)) {
        throw unstorable(notFinite(Double.toString(number)));
      }
      double magnitude = Math.abs(number);
      if (magnitude != 0 && (magnitude >= 1e126 || magnitude < 1e-130)) {
        throw unstorable(outOfRange(Double.toString(number)));
      }
      // Adding 0.0 turns -0.0 into 0.0: DynamoDB has no negative zero.
      number(Double.toString(number + 0.0));
    }

    /** DynamoDB keeps 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
    private void checkDynamoRange(BigDecimal number) {
      if (number.signum() == 0) {
        return;
      }
      BigDecimal significant = number.stripTrailingZeros();
      if (significant.precision() > 38) {
        throw unstorable(
            "has "
                + significant.precision()
                + " significant digits; DynamoDB keeps at most 38: round it, or store it as a"
                + " string");
      }
      int exponent = significant.precision() - significant.scale() - 1;
      if (exponent > 125 || exponent < -130) {
        throw unstorable(outOfRange(number.toString()));
      }
    }

    private static String outOfRange(String number) {
      return "is "
          + number
          + ", outside DynamoDB's number range (magnitudes from 1E-130 to below 1E+126); store it"
          + " as a string";
    }

    @Override
    public void writeNumber(float number) {
      if (!Float.isFinite(number)) {
        throw unstorable(notFinite(Float.toString(number)));
      }
      number(Float.toString(number + 0.0f));
    }

    @Override
    public void writeNumber(BigDecimal number) {
      if (number == null) {
        writeNull();
      } else {
        checkDynamoRange(number);
        number(
            isEnabled(Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                ? number.toPlainString()
                : number.toString());
      }
    }

    @Override
    public void writeNumber(String encoded) {
      if (encoded == null) {
        writeNull();
        return;
      }
      String text = encoded.trim();
      BigDecimal parsed;
      try {
        parsed = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw unstorable(notFinite(text));
      }
      checkDynamoRange(parsed);
      number(text);
    }

    private static String notFinite(String number) {
      String what =
          number.contains("NaN")
              ? "NaN"
              : number.contains("Infinity") ? number : "not a number ('" + number + "')";
      return "is " + what + ": DynamoDB numbers must be finite; store it as null or a string";
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
      binary(SdkBytes.fromByteArrayUnsafe(Arrays.copyOfRange(data, offset, offset + length)));
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int length) throws IOException {
      byte[] bytes = length < 0 ? data.readAllBytes() : data.readNBytes(length);
      binary(SdkBytes.fromByteArrayUnsafe(bytes));
      return bytes.length;
    }

    @Override
    public void writeObject(Object value) throws IOException {
      if (value == null) {
        writeNull();
      } else {
        codec.writeValue(this, value);
      }
    }

    @Override
    public void writeTree(TreeNode tree) throws IOException {
      if (tree == null) {
        writeNull();
      } else {
        codec.writeTree(this, tree);
      }
    }

    // -- raw content: raw values are JSON, parsed and stored as values; other raw text cannot be

    @Override
    public void writeRawValue(String text) throws IOException {
      JsonFactory factory = codec instanceof ObjectMapper mapper ? mapper.getFactory() : null;
      if (factory == null) {
        factory = new JsonFactory();
      }
      try (JsonParser parser = factory.createParser(text)) {
        parser.nextToken();
        copyCurrentStructureExact(parser);
      }
    }

    @Override
    public void writeRawValue(String text, int offset, int length) throws IOException {
      writeRawValue(text.substring(offset, offset + length));
    }

    @Override
    public void writeRawValue(char[] text, int offset, int length) throws IOException {
      writeRawValue(new String(text, offset, length));
    }

    @Override
    public void writeRaw(String text) throws IOException {
      throw rawUnsupported();
    }

    @Override
    public void writeRaw(String text, int offset, int length) throws IOException {
      throw rawUnsupported();
    }

    @Override
    public void writeRaw(char[] text, int offset, int length) throws IOException {
      throw rawUnsupported();
    }

    @Override
    public void writeRaw(char c) throws IOException {
      throw rawUnsupported();
    }

    private JsonGenerationException rawUnsupported() {
      return new JsonGenerationException(
          "raw content cannot be stored in DynamoDB; write values instead", this);
    }

    // -- plumbing --

    @Override
    public JsonGenerator setCodec(ObjectCodec codec) {
      this.codec = codec;
      return this;
    }

    @Override
    public ObjectCodec getCodec() {
      return codec;
    }

    @Override
    public Version version() {
      return Version.unknownVersion();
    }

    @Override
    public JsonStreamContext getOutputContext() {
      return depth < 0 ? root : frames[depth];
    }

    @Override
    public JsonGenerator enable(Feature feature) {
      features |= feature.getMask();
      return this;
    }

    @Override
    public JsonGenerator disable(Feature feature) {
      features &= ~feature.getMask();
      return this;
    }

    @Override
    public boolean isEnabled(Feature feature) {
      return (features & feature.getMask()) != 0;
    }

    @Override
    public int getFeatureMask() {
      return features;
    }

    @Override
    @Deprecated
    public JsonGenerator setFeatureMask(int mask) {
      features = mask;
      return this;
    }

    @Override
    public JsonGenerator useDefaultPrettyPrinter() {
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
