package io.github.pydanticdynamo.internal.item;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's item size rules, to reject items over 400 KB before sending them. */
public final class AttributeSize {

  /** The largest item DynamoDB stores: 400 KB, names and values included. */
  public static final long MAX_ITEM_BYTES = 400 * 1024;

  private AttributeSize() {}

  /**
   * The size of an item as DynamoDB counts it.
   *
   * @param item the item's attributes, keys included
   * @return the sum over attributes of the name's UTF-8 length and the value's size, in bytes
   */
  public static long itemSize(Map<String, AttributeValue> item) {
    return itemSize(item, true);
  }

  /**
   * An upper bound of {@link #itemSize}, without reading any text: 3 bytes per UTF-16 unit (what
   * UTF-8 needs at most) and one byte per number character plus one. When it is within a limit the
   * exact size is too, so the exact count (a pass over every character) is needed only above it.
   *
   * @param item the item's attributes, keys included
   * @return a size in bytes at least {@link #itemSize(Map)}
   */
  public static long itemSizeBound(Map<String, AttributeValue> item) {
    return itemSize(item, false);
  }

  private static long itemSize(Map<String, AttributeValue> item, boolean exact) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += text(attribute.getKey(), exact) + valueSize(attribute.getValue(), exact);
    }
    return size;
  }

  /** The size of one value, without its name. */
  static long valueSize(AttributeValue value) {
    return valueSize(value, true);
  }

  private static long valueSize(AttributeValue value, boolean exact) {
    if (value.s() != null) {
      return text(value.s(), exact);
    }
    if (value.n() != null) {
      return number(value.n(), exact);
    }
    if (value.b() != null) {
      return binarySize(value.b());
    }
    if (value.bool() != null || value.nul() != null) {
      return 1;
    }
    if (value.hasM()) {
      long size = 3;
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        size += text(entry.getKey(), exact) + valueSize(entry.getValue(), exact) + 1;
      }
      return size;
    }
    if (value.hasL()) {
      long size = 3;
      for (AttributeValue element : value.l()) {
        size += valueSize(element, exact) + 1;
      }
      return size;
    }
    if (value.hasSs()) {
      long size = 0;
      for (String element : value.ss()) {
        size += text(element, exact);
      }
      return size;
    }
    if (value.hasNs()) {
      long size = 0;
      for (String element : value.ns()) {
        size += number(element, exact);
      }
      return size;
    }
    if (value.hasBs()) {
      long size = 0;
      List<SdkBytes> elements = value.bs();
      for (SdkBytes element : elements) {
        size += binarySize(element);
      }
      return size;
    }
    return 0;
  }

  private static long text(String text, boolean exact) {
    return exact ? utf8Length(text) : 3L * text.length();
  }

  private static long number(String number, boolean exact) {
    return exact ? numberSize(number) : number.length() + 1L;
  }

  /** UTF-8 length without encoding; an unpaired surrogate counts as the 3 bytes of U+FFFD. */
  static long utf8Length(String text) {
    long length = 0;
    int count = text.length();
    for (int i = 0; i < count; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < count
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  /**
   * DynamoDB's approximation for numbers: one byte per two significant digits, plus one. Leading
   * and trailing zeros are not significant; zero counts as one digit.
   */
  static long numberSize(String number) {
    int first = -1;
    int last = -1;
    int digits = 0;
    int end = number.length();
    for (int i = 0; i < end; i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = digits;
          }
          last = digits;
        }
        digits++;
      }
    }
    int significant = first < 0 ? 1 : last - first + 1;
    return (significant + 1) / 2 + 1;
  }

  private static long binarySize(SdkBytes bytes) {
    return bytes.asByteBuffer().remaining();
  }
}
