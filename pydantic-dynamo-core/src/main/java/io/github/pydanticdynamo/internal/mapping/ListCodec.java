package io.github.pydanticdynamo.internal.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
  long check(Object value, boolean atProperty, int level) {
    checkLevel(level);
    long size = 3;
    for (Object e : (Collection<?>) value) {
      size += (e == null ? 1 : containerCheck(element, e, level + 1)) + 1;
    }
    return size;
  }

  @Override
  int depth(Set<RecordCodec> visiting) {
    int inner = element.depth(visiting);
    return inner == Integer.MAX_VALUE ? inner : inner + 1;
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
