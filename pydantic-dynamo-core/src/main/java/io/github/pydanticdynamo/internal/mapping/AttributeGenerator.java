package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.GeneratorFrame.LIST;
import static io.github.pydanticdynamo.internal.mapping.GeneratorFrame.MAP;
import static io.github.pydanticdynamo.internal.mapping.GeneratorFrame.OBJECT;
import static io.github.pydanticdynamo.internal.mapping.GeneratorFrame.SET;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.StorageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute values from Jackson tokens, made by the SDK's createX factories (no builders). */
final class AttributeGenerator extends JsonGenerator {
  private ObjectCodec codec;
  private int features = JsonGenerator.Feature.collectDefaults();
  private boolean closed;

  private final ModelSchema.Node rootNode;
  private final String rootPath;
  private final boolean rootIsProperty;

  /** The Python format: null properties as NULL, sets as lists. */
  private final boolean python;

  private final GeneratorFrame root = new GeneratorFrame(null);

  private GeneratorFrame[] frames = new GeneratorFrame[8];
  private int depth = -1;

  /** The nesting level of the root value: 0 for an item, a command path's length for a value. */
  private int rootLevel;

  @Nullable Map<String, AttributeValue> rootMap;
  private @Nullable AttributeValue rootValue;

  AttributeGenerator(
      ObjectCodec codec,
      ModelSchema.Node rootNode,
      String rootPath,
      boolean rootIsProperty,
      StorageFormat format) {
    this.codec = codec;
    this.rootNode = rootNode;
    this.rootPath = rootPath;
    this.rootIsProperty = rootIsProperty;
    this.python = format == StorageFormat.PYTHON;
  }

  /** Writes a value that sits {@code level} maps deep in its item (a command's path length). */
  AttributeGenerator atLevel(int level) {
    this.rootLevel = level;
    return this;
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
    GeneratorFrame frame = frames[depth];
    return frame.kind == OBJECT ? frame.node.child(frame.name) : frame.node.element();
  }

  private GeneratorFrame push(int kind, ModelSchema.Node node, @Nullable Object forValue) {
    if (kind != SET && depth + 1 + rootLevel > StoredValues.MAX_NESTING_LEVELS) {
      throw unstorable(StoredValues.tooDeep()); // also ends a map or list that holds itself
    }
    GeneratorFrame parent = depth < 0 ? null : frames[depth];
    if (++depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    GeneratorFrame frame = frames[depth];
    if (frame == null) {
      frame = new GeneratorFrame(parent == null ? root : parent);
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
    GeneratorFrame frame = push(object ? OBJECT : MAP, node, forValue);
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
    boolean set = !python && node.isSet();
    GeneratorFrame frame = push(set ? SET : LIST, node, forValue);
    if (set) {
      frame.scalars = new ArrayList<>(Math.max(size, 0));
    } else {
      frame.list = new ArrayList<>(Math.max(size, 0));
    }
  }

  @Override
  public void writeFieldName(String name) {
    GeneratorFrame frame = frames[depth];
    frame.name = name;
    frame.advance();
  }

  @Override
  public void writeFieldName(SerializableString name) {
    writeFieldName(name.getValue());
  }

  @Override
  public void writeEndObject() {
    GeneratorFrame frame = frames[depth--];
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
    GeneratorFrame frame = frames[depth--];
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
      value(
          GeneratorFrame.toSet(
              scalarType, Objects.requireNonNull(scalars), frame.node.element().type));
    } else if (depth < 0 ? !rootIsProperty : frames[depth].kind != OBJECT) {
      // Map values and list elements keep their place, so an empty set there is an empty list.
      value(EMPTY_LIST);
    } else if (depth < 0) {
      value(NUL);
    }
  }

  private void value(AttributeValue value) {
    if (depth < 0) {
      rootValue = value;
      return;
    }
    GeneratorFrame frame = frames[depth];
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
    if (!addedToSet(AttributeValue.Type.S, text)) {
      value(AttributeValue.createS(text));
    }
  }

  private void number(String text) {
    if (!addedToSet(AttributeValue.Type.N, text)) {
      value(AttributeValue.createN(text));
    }
  }

  private void binary(SdkBytes bytes) {
    if (!addedToSet(AttributeValue.Type.B, bytes)) {
      value(AttributeValue.createB(bytes));
    }
  }

  /** Adds a string, number text or bytes to the open set; false when no set is open. */
  private boolean addedToSet(AttributeValue.Type type, Object raw) {
    GeneratorFrame frame = depth < 0 ? null : frames[depth];
    if (frame != null && frame.kind == SET) {
      frame.advance();
      frame.addScalar(type, raw);
      return true;
    }
    return false;
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
    GeneratorFrame frame = frames[depth];
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
      GeneratorFrame frame = frames[depth];
      if (frame.kind == OBJECT && !python) {
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
