package io.github.pydanticdynamo.internal.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Set of values whose distinct values write distinct strings or numbers: SS or NS, or a list
 * ({@code L}, an empty set too) in the Python format. Reads SS, NS and lists.
 */
final class SetCodec extends ValueCodec {
  private final ValueCodec element;
  private final boolean numbers;
  private final boolean linked;
  private final boolean lists;

  /** Whether the elements always write the set's kind (texts or numbers), so check suffices. */
  private final boolean checkedElements;

  SetCodec(ValueCodec element, boolean numbers, boolean linked, boolean lists) {
    this.element = element;
    this.numbers = numbers;
    this.linked = linked;
    this.lists = lists;
    this.checkedElements =
        numbers
            ? element == NumberCodecs.INT
                || element == NumberCodecs.LONG
                || element == NumberCodecs.SHORT
                || element == NumberCodecs.BYTE
                || element == NumberCodecs.BIG_INTEGER
            : element == ScalarCodecs.STRING || element instanceof TextCodec;
  }

  /** A new set, made as Jackson makes it (so even a HashSet's iteration order is the same). */
  Set<Object> empty() {
    return linked ? new LinkedHashSet<>() : new HashSet<>();
  }

  @Override
  @Nullable AttributeValue write(Object value, boolean atProperty) {
    Collection<?> set = (Collection<?>) value;
    if (lists) {
      List<AttributeValue> list = new ArrayList<>(set.size());
      for (Object e : set) {
        list.add(e == null ? StoredValues.NUL : element.write(e, false));
      }
      return AttributeValue.createL(list);
    }
    if (set.isEmpty()) {
      // DynamoDB has no empty sets: omitted at a property, an empty list elsewhere.
      return atProperty ? null : StoredValues.EMPTY_LIST;
    }
    List<String> texts = new ArrayList<>(set.size());
    for (Object e : set) {
      if (e == null) {
        throw Bail.INSTANCE; // reported with its path by the Jackson path
      }
      AttributeValue v = element.write(e, false);
      String text = numbers ? v.n() : v.s();
      if (text == null) {
        throw Bail.INSTANCE;
      }
      texts.add(text);
    }
    return numbers ? AttributeValue.createNs(texts) : AttributeValue.createSs(texts);
  }

  @Override
  long check(Object value, boolean atProperty, int level) {
    Collection<?> set = (Collection<?>) value;
    if (lists) {
      checkLevel(level);
      long size = 3;
      for (Object e : set) {
        size += (e == null ? 1 : element.check(e, false, level + 1)) + 1;
      }
      return size;
    }
    if (set.isEmpty()) {
      if (atProperty) {
        return OMITTED;
      }
      checkLevel(level);
      return 3;
    }
    long size = 0;
    for (Object e : set) {
      if (e == null) {
        throw Bail.INSTANCE;
      }
      if (checkedElements) {
        size += element.check(e, false, level + 1);
      } else { // an enum: what it writes decides whether it fits the set
        AttributeValue v = element.write(e, false);
        String text = numbers ? v.n() : v.s();
        if (text == null) {
          throw Bail.INSTANCE;
        }
        size += numbers ? NUMBER_BOUND : 3L * text.length();
      }
    }
    return size;
  }

  @Override
  int depth(Set<RecordCodec> visiting) {
    return lists ? 1 : 0;
  }

  @Override
  Object read(AttributeValue value) {
    List<String> texts;
    AttributeValue.Type t = value.type();
    if (t == AttributeValue.Type.L) {
      // A set the Python library (or the Python format) stored as a list.
      Set<Object> set = empty();
      for (AttributeValue e : value.l()) {
        if (e.type() == AttributeValue.Type.NUL) {
          throw Bail.INSTANCE;
        }
        set.add(element.read(e));
      }
      return set;
    }
    if (numbers ? t != AttributeValue.Type.NS : t != AttributeValue.Type.SS) {
      throw Bail.INSTANCE;
    }
    texts = numbers ? value.ns() : value.ss();
    Set<Object> set = empty();
    for (String text : texts) {
      set.add(element.read(numbers ? AttributeValue.createN(text) : AttributeValue.createS(text)));
    }
    return set;
  }
}
