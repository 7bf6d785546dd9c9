package io.github.pydanticdynamo.internal.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A Map with String keys: {@code M}, nulls as {@code NULL}. */
final class MapCodec extends ValueCodec {
  private final ValueCodec value;
  private final boolean hashMap;

  MapCodec(ValueCodec value, boolean hashMap) {
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
  long check(Object map, boolean atProperty, int level) {
    checkLevel(level);
    long size = 3;
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw Bail.INSTANCE;
      }
      Object v = entry.getValue();
      size += 3L * name.length() + (v == null ? 1 : containerCheck(value, v, level + 1)) + 1;
    }
    return size;
  }

  @Override
  int depth(Set<RecordCodec> visiting) {
    int inner = value.depth(visiting);
    return inner == Integer.MAX_VALUE ? inner : inner + 1;
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
