package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.StoredValues.EMPTY_LIST;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.FALSE;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.NUL;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.TRUE;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.notFinite;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.outOfRange;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

/**
 * Attribute values from Jackson tokens, telling records from maps and sets from lists. (It uses the
 * SDK's createX factories, which skip the builders: same values, fewer allocations.)
 */
final class AttributeGenerator extends JsonGenerator {
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
            path(depth), "contains null: DynamoDB sets cannot hold null; remove it or use a List");
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
    if (!StoredValues.inRange(number)) {
      throw unstorable(outOfRange(Double.toString(number)));
    }
    // Adding 0.0 turns -0.0 into 0.0: DynamoDB has no negative zero.
    number(Double.toString(number + 0.0));
  }

  /** DynamoDB keeps 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
  private void checkDynamoRange(BigDecimal number) {
    String problem = StoredValues.rangeProblem(number);
    if (problem != null) {
      throw unstorable(problem);
    }
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
