package io.github.pydanticdynamo.internal.item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The attributes a projection reads: a ProjectionExpression with placeholders of its own. */
record ReadProjection(String expression, Map<String, String> names) {

  static ReadProjection of(Set<String> attributes) {
    Map<String, String> names = new HashMap<>();
    List<String> placeholders = new ArrayList<>(attributes.size());
    for (String attribute : attributes) {
      String placeholder = "#p" + names.size();
      names.put(placeholder, attribute);
      placeholders.add(placeholder);
    }
    return new ReadProjection(String.join(", ", placeholders), Map.copyOf(names));
  }

  Map<String, String> withNames(Map<String, String> others) {
    Map<String, String> all = new HashMap<>(others);
    all.putAll(names);
    return Map.copyOf(all);
  }
}
