package io.github.pydanticdynamo.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A record: its properties and canonical constructor. */
final class RecordCodec extends ValueCodec {
  /** One record component: its attribute name, accessor and converter. */
  record Property(
      String name,
      int index,
      MethodHandle accessor,
      ValueCodec codec,
      @Nullable Object absent,
      boolean set,
      long nameBytes) {
    Property(
        String name,
        int index,
        MethodHandle accessor,
        ValueCodec codec,
        @Nullable Object absent,
        boolean set) {
      this(name, index, accessor, codec, absent, set, 3L * name.length());
    }
  }

  Property[] properties = new Property[0];
  @Nullable MethodHandle constructor;
  boolean strictAbsent;

  /** Null properties are written as {@code NULL} (the Python format), not omitted. */
  boolean writeNulls;

  @Override
  AttributeValue write(Object value, boolean atProperty) {
    return AttributeValue.createM(writeMap(value, 0));
  }

  Map<String, AttributeValue> writeMap(Object record, int extra) {
    return write(record, new HashMap<>(capacity(properties.length + extra)), null);
  }

  /** The properties named {@code names} of a record, as {@link #writeMap} writes them. */
  Map<String, AttributeValue> writeSome(Object record, Set<String> names) {
    return write(record, new HashMap<>(), names);
  }

  private Map<String, AttributeValue> write(
      Object record, Map<String, AttributeValue> map, @Nullable Set<String> names) {
    for (Property p : properties) {
      if (names != null && !names.contains(p.name)) {
        continue;
      }
      Object v = value(p, record);
      if (v != null) {
        AttributeValue written = p.codec.write(v, true);
        if (written != null) {
          map.put(p.name, written);
        }
      } else if (writeNulls) {
        map.put(p.name, StoredValues.NUL);
      }
    }
    return map;
  }

  @Override
  long check(Object value, boolean atProperty, int level) {
    checkLevel(level);
    return 3 + checkMap(value, level + 1, 1);
  }

  /**
   * {@link ValueCodec#check} of the record's map: the sum over written properties of the name's
   * bytes, the value's bound and {@code separator} (1 inside a map, 0 at the top of an item).
   *
   * @param level the properties' nesting level
   */
  long checkMap(Object record, int level, int separator) {
    long size = 0;
    for (Property p : properties) {
      Object v = value(p, record);
      if (v != null) {
        long written = p.codec.check(v, true, level);
        if (written != OMITTED) {
          size += p.nameBytes + written + separator;
        }
      } else if (writeNulls) {
        size += p.nameBytes + 1 + separator;
      }
    }
    return size;
  }

  private static @Nullable Object value(Property p, Object record) {
    try {
      return (Object) p.accessor.invokeExact(record);
    } catch (Throwable e) {
      throw Bail.INSTANCE; // an accessor that throws: Jackson's path reports it
    }
  }

  @Override
  int depth(Set<RecordCodec> visiting) {
    if (!visiting.add(this)) {
      return Integer.MAX_VALUE; // contains itself
    }
    int deepest = 0;
    for (Property p : properties) {
      deepest = Math.max(deepest, p.codec.depth(visiting));
    }
    visiting.remove(this);
    return deepest == Integer.MAX_VALUE ? deepest : deepest + 1;
  }

  @Override
  Object read(AttributeValue value) {
    if (value.type() != AttributeValue.Type.M) {
      throw Bail.INSTANCE;
    }
    return readMap(value.m());
  }

  Object readMap(Map<String, AttributeValue> attributes) {
    Property[] props = properties;
    Object[] args = new Object[props.length];
    for (Property p : props) {
      AttributeValue v = attributes.get(p.name);
      if (v == null || v.type() == AttributeValue.Type.NUL) {
        // Absent and NULL properties read as absent: sets as empty sets, primitives as zero.
        if (p.set) {
          args[p.index] = ((SetCodec) p.codec).empty();
        } else if (strictAbsent) {
          throw Bail.INSTANCE;
        } else {
          args[p.index] = p.absent;
        }
      } else {
        args[p.index] = p.codec.read(v);
      }
    }
    try {
      return (Object) Objects.requireNonNull(constructor).invokeExact(args);
    } catch (Throwable e) {
      throw Bail.INSTANCE; // a constructor that rejects the values: Jackson's path reports it
    }
  }
}
