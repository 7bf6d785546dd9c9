package io.github.pydanticdynamo.internal.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How DynamoDB stores values, for the Jackson path and the plan alike: constants and numbers. */
final class StoredValues {
  private StoredValues() {}

  static final AttributeValue NUL = AttributeValue.fromNul(true);
  static final AttributeValue TRUE = AttributeValue.fromBool(true);
  static final AttributeValue FALSE = AttributeValue.fromBool(false);
  static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  /** DynamoDB's limit on nested maps and lists: an item's attribute is level 1. */
  static final int MAX_NESTING_LEVELS = 32;

  /** Why a value nested too deep cannot be stored. */
  static String tooDeep() {
    return "is nested more than "
        + MAX_NESTING_LEVELS
        + " levels deep: DynamoDB allows "
        + MAX_NESTING_LEVELS
        + " levels of nested maps and lists (does a map or list contain itself?); flatten it,"
        + " or store the deep part as a JSON string";
  }

  /**
   * The path of the first map or list nested deeper than DynamoDB allows in written attributes, or
   * null when every value fits.
   */
  static @Nullable String tooDeepPath(Map<String, AttributeValue> attributes) {
    boolean tooDeep = false;
    for (AttributeValue value : attributes.values()) {
      if (tooDeep(value, 1)) {
        tooDeep = true;
        break;
      }
    }
    if (!tooDeep) {
      return null; // the usual answer, found without building a path
    }
    for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
      String path = tooDeepPath(attribute.getValue(), 1, attribute.getKey());
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  private static boolean tooDeep(AttributeValue value, int level) {
    if (value.hasM()) {
      if (level > MAX_NESTING_LEVELS) {
        return true;
      }
      for (AttributeValue inner : value.m().values()) {
        if (tooDeep(inner, level + 1)) {
          return true;
        }
      }
    } else if (value.hasL()) {
      if (level > MAX_NESTING_LEVELS) {
        return true;
      }
      for (AttributeValue inner : value.l()) {
        if (tooDeep(inner, level + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static @Nullable String tooDeepPath(AttributeValue value, int level, String path) {
    if (value.hasM()) {
      if (level > MAX_NESTING_LEVELS) {
        return path;
      }
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        String deeper = tooDeepPath(entry.getValue(), level + 1, path + "." + entry.getKey());
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (value.hasL()) {
      if (level > MAX_NESTING_LEVELS) {
        return path;
      }
      List<AttributeValue> list = value.l();
      for (int i = 0; i < list.size(); i++) {
        String deeper = tooDeepPath(list.get(i), level + 1, path + "[" + i + "]");
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  /** Whether DynamoDB can store a double: zero, or a magnitude from 1E-130 to below 1E+126. */
  static boolean inRange(double number) {
    double magnitude = Math.abs(number);
    return magnitude == 0 || (magnitude >= 1e-130 && magnitude < 1e126);
  }

  /** Why DynamoDB cannot store a number (over 38 significant digits, out of range), or null. */
  static @Nullable String rangeProblem(BigDecimal number) {
    if (number.signum() == 0) {
      return null;
    }
    BigDecimal significant = number.stripTrailingZeros();
    if (significant.precision() > 38) {
      return "has "
          + significant.precision()
          + " significant digits; DynamoDB keeps at most 38: round it, or store it as a"
          + " string";
    }
    int exponent = significant.precision() - significant.scale() - 1;
    if (exponent > 125 || exponent < -130) {
      return outOfRange(number.toString());
    }
    return null;
  }

  static String outOfRange(String number) {
    return "is "
        + number
        + ", outside DynamoDB's number range (magnitudes from 1E-130 to below 1E+126); store it"
        + " as a string";
  }

  static String notFinite(String number) {
    String what =
        number.contains("NaN")
            ? "NaN"
            : number.contains("Infinity") ? number : "not a number ('" + number + "')";
    return "is " + what + ": DynamoDB numbers must be finite; store it as null or a string";
  }

  /**
   * A whole DynamoDB number as the narrowest exact Java number (Integer, Long or BigInteger); null
   * when the text is not a whole number.
   */
  static @Nullable Number parseWhole(String text) {
    int length = text.length();
    boolean negative = length > 0 && text.charAt(0) == '-';
    int start = negative ? 1 : 0;
    if (length == start) {
      return null;
    }
    if (length - start <= 18) {
      // Up to 18 digits fit a long: parse them in the same pass that checks them.
      long value = 0;
      for (int i = start; i < length; i++) {
        int digit = text.charAt(i) - '0';
        if (digit < 0 || digit > 9) {
          return null;
        }
        value = value * 10 + digit;
      }
      value = negative ? -value : value;
      return (int) value == value ? (Number) (int) value : (Number) value;
    }
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    BigInteger number = new BigInteger(text);
    return number.bitLength() < 64 ? (Number) number.longValue() : number;
  }

  /** Whether text is a decimal number: {@code -12.5}, {@code 1.0E300}, {@code 5E-3}. */
  static boolean isDecimal(String text) {
    int length = text.length();
    int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    char e = text.charAt(i);
    if (e != 'e' && e != 'E') {
      return false;
    }
    i++;
    if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    if (i == length) {
      return false;
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
