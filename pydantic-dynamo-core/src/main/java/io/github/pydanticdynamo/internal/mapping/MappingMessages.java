package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.regex.Pattern;

/** How mapping failures name a value, a type, a path and Jackson's reason. */
final class MappingMessages {
  private MappingMessages() {}

  /** A short display name for a type: {@code long}, {@code List<String>}, {@code Address}. */
  static String typeName(JavaType type) {
    return typeName(type, 0);
  }

  private static String typeName(JavaType type, int depth) {
    if (type.isArrayType()) {
      return typeName(type.getContentType(), depth + 1) + "[]";
    }
    StringBuilder name = new StringBuilder(type.getRawClass().getSimpleName());
    int count = type.containedTypeCount();
    if (count > 0 && depth < 4) {
      name.append('<');
      for (int i = 0; i < count; i++) {
        JavaType contained = type.containedType(i);
        if (i > 0) {
          name.append(", ");
        }
        name.append(contained == null ? "?" : typeName(contained, depth + 1));
      }
      name.append('>');
    }
    return name.toString();
  }

  /**
   * Jackson's own message of a failure (without its location), else the failure's message, with
   * every quoted value in it hidden: Jackson quotes the text it could not use ({@code from String
   * "ITEMSECRET"}), and messages must name fields and types, never values.
   */
  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JacksonException jackson) {
        String message = jackson.getOriginalMessage();
        return withoutValues(message == null ? String.valueOf(jackson.getMessage()) : message);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return withoutValues(String.valueOf(failure.getMessage()));
  }

  /**
   * Where Jackson and java.time quote a value: {@code from String "x"}, {@code Text 'x'}, (1.5).
   */
  private static final Pattern VALUE =
      Pattern.compile(
          "(from [A-Za-z-]+(?: value)?) \"(?:[^\"\\\\]|\\\\.)*\"|(Text) '[^']*'"
              + "|((?:[Vv]alue|token|character) )\\([^)]*\\)");

  /**
   * A message with the values it quotes replaced by {@code (hidden)}, keeping the field and type
   * names around them.
   */
  static String withoutValues(String message) {
    return VALUE
        .matcher(message)
        .replaceAll(
            match -> {
              String head =
                  match.group(1) != null
                      ? match.group(1)
                      : match.group(2) != null ? match.group(2) : match.group(3).strip();
              return java.util.regex.Matcher.quoteReplacement(head + " (hidden)");
            });
  }

  /** The failure of a write: an UnstorableValueException when that is the cause. */
  static RuntimeException writeFailure(Throwable failure, String what) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnstorableValueException unstorable) {
        return unstorable;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new IllegalArgumentException(what + " cannot be written: " + reason(failure), failure);
  }

  /** The dotted path of a Jackson failure: {@code address.zip}, {@code tags[2]}. */
  static String path(DatabindException failure) {
    if (!(failure instanceof JsonMappingException mapping)) {
      return "?";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "?" : path.toString();
  }
}
