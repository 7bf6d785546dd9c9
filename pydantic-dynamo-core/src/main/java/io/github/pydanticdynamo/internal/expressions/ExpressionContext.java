package io.github.pydanticdynamo.internal.expressions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The placeholder names ({@code #n0…}) and values ({@code :v0…}) of one request. */
public final class ExpressionContext {
  private final Map<String, String> namesByAttribute = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final String namePrefix;
  private final String valuePrefix;

  /** A context whose placeholders are {@code #n0…} and {@code :v0…}. */
  public ExpressionContext() {
    this("#n", ":v");
  }

  /** A context with other placeholder prefixes, to merge with a request's own placeholders. */
  public ExpressionContext(String namePrefix, String valuePrefix) {
    this.namePrefix = namePrefix;
    this.valuePrefix = valuePrefix;
  }

  /** The placeholder for one attribute name, reused when the name repeats. */
  public String name(String attribute) {
    return namesByAttribute.computeIfAbsent(
        attribute,
        a -> {
          String placeholder = namePrefix + names.size();
          names.put(placeholder, a);
          return placeholder;
        });
  }

  /** The placeholder path for nested segments: {@code #n0.#n1}. */
  public String path(List<String> segments) {
    if (segments.size() == 1) {
      return name(segments.get(0));
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        path.append('.');
      }
      path.append(name(segments.get(i)));
    }
    return path.toString();
  }

  /** A new value placeholder. */
  public String value(AttributeValue value) {
    String placeholder = valuePrefix + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /** The names registered so far. */
  public Map<String, String> names() {
    return Map.copyOf(names);
  }

  /** The values, possibly empty. */
  public Map<String, AttributeValue> values() {
    return Map.copyOf(values);
  }
}
