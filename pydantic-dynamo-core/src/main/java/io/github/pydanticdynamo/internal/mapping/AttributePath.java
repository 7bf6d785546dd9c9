package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;

/**
 * A model's attribute resolved from a dotted path: where it is, its Java type, how it is stored.
 *
 * @param segments the path's segments, such as {@code [address, city]}
 * @param type the Java type of the value at the path ({@code Optional} and other references are
 *     unwrapped to their content type)
 * @param kind how the value is stored
 */
public record AttributePath(List<String> segments, JavaType type, Kind kind) {

  /** How a value is stored, as Jackson writes it. */
  public enum Kind {
    /** A whole number: {@code byte}, {@code short}, {@code int}, {@code long}, BigInteger… */
    INTEGRAL,
    /** A decimal number: {@code float}, {@code double}, BigDecimal, {@code Number}. */
    DECIMAL,
    /** A string: String, {@code char}, enums, UUID, java.time types, URI… */
    STRING,
    /** A boolean. */
    BOOLEAN,
    /** Bytes: {@code byte[]} or ByteBuffer. */
    BINARY,
    /** A list, array or other non-set collection. */
    LIST,
    /** A set. */
    SET,
    /** A map with string keys. */
    MAP,
    /** A nested record or bean. */
    OBJECT,
    /** Anything: {@code Object}, JsonNode or a type whose shape is unknown. */
    ANY
  }

  /**
   * Creates the path.
   *
   * @param segments the path's segments
   * @param type the Java type of the value
   * @param kind how the value is stored
   */
  public AttributePath {
    segments = List.copyOf(segments);
  }

  /**
   * The path as written by users.
   *
   * @return the dotted form, such as {@code address.city}
   */
  public String dotted() {
    if (segments.size() == 1 && !needsEscape(segments.get(0))) {
      return segments.get(0);
    }
    StringBuilder dotted = new StringBuilder();
    for (String segment : segments) {
      if (dotted.length() > 0) {
        dotted.append('.');
      }
      if (needsEscape(segment)) {
        dotted.append(segment.replace("\\", "\\\\").replace(".", "\\."));
      } else {
        dotted.append(segment);
      }
    }
    return dotted.toString();
  }

  private static boolean needsEscape(String segment) {
    return segment.indexOf('.') >= 0 || segment.indexOf('\\') >= 0;
  }

  /**
   * Whether the value is a whole number (the only kind that can be incremented).
   *
   * @return {@code kind() == INTEGRAL}
   */
  public boolean isIntegral() {
    return kind == Kind.INTEGRAL;
  }
}
