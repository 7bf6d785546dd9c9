package io.github.pydanticdynamo.internal.mapping;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Enum constants as Jackson writes them, checked at compile time to read back through Jackson. */
final class EnumCodec extends ValueCodec {
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
  long check(Object value, boolean atProperty, int level) {
    AttributeValue v = written.get(value);
    if (v == null) {
      throw Bail.INSTANCE;
    }
    String text = v.s();
    return text != null ? 3L * text.length() : NUMBER_BOUND;
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
