package io.github.pydanticdynamo.internal.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A List or Collection: {@code L}, nulls as {@code NULL}. */
final class ListCodec extends ValueCodec {
  private final ValueCodec element;

  ListCodec(ValueCodec element) {
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
