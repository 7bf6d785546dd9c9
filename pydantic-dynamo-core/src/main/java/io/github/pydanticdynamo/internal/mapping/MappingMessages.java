package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;

/** How mapping failures name a value, a type, a path and Jackson's reason. */
final class MappingMessages {
  private MappingMessages() {}

  /** A value as a message shows it: strings quoted, anything long cut at 80 characters. */
  static String show(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }

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

  /** Jackson's own message of a failure (without its location), else the failure's message. */
  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JacksonException jackson) {
        String message = jackson.getOriginalMessage();
        return message == null ? String.valueOf(jackson.getMessage()) : message;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.valueOf(failure.getMessage());
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
