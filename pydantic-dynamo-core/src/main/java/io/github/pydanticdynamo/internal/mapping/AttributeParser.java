package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.StoredValues.EMPTY_LIST;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.isDecimal;
import static io.github.pydanticdynamo.internal.mapping.StoredValues.parseWhole;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Jackson tokens from attribute values; skips NULL record properties and reserved names. */
final class AttributeParser extends ParserMinimalBase {
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
  private abstract static class Cursor extends NestedContext<Cursor> {
    Cursor(@Nullable Cursor parent, int type) {
      super(parent, type);
    }

    /** The next token here; containers are announced through {@link #child}. */
    abstract @Nullable JsonToken next(AttributeParser parser) throws IOException;
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
            "attribute '" + path(at) + "' cannot be read: its type is unknown to this SDK version");
    }
  }

  /** Whether a value has parts, so the model's node for it matters. */
  private static boolean isContainer(AttributeValue value) {
    AttributeValue.Type type = value.type();
    return type == AttributeValue.Type.M || type == AttributeValue.Type.L;
  }

  private static boolean isNul(AttributeValue value) {
    return value.type() == AttributeValue.Type.NUL;
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
          "attribute '" + path(at) + "' cannot be read: its N value is not a number");
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
    BigInteger whole = value instanceof BigInteger big ? big : ((BigDecimal) value).toBigInteger();
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
    String text = unparsedDecimal();
    return text != null ? Float.parseFloat(text) : numeric().floatValue();
  }

  @Override
  public double getDoubleValue() throws IOException {
    String text = unparsedDecimal();
    return text != null ? Double.parseDouble(text) : numeric().doubleValue();
  }

  /** The current decimal's text while it has not been parsed into a BigDecimal, else null. */
  private @Nullable String unparsedDecimal() {
    return _currToken == JsonToken.VALUE_NUMBER_FLOAT && number == null ? decimal : null;
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
