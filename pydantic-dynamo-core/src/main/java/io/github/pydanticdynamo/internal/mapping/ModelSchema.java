package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.MappingMessages.typeName;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.pydanticdynamo.InvalidCommandException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The attributes of a model as Jackson writes them; resolves the dotted paths of commands. */
public final class ModelSchema {

  /** Anything: no names known below it. */
  static final Node ANY = new Node(TypeFactory.unknownType(), AttributePath.Kind.ANY);

  private final Class<?> modelType;
  private final Node root;
  private final Set<String> topLevelNames;

  ModelSchema(Class<?> modelType, Node root) {
    this.modelType = modelType;
    this.root = root;
    this.topLevelNames = Collections.unmodifiableSet(new LinkedHashSet<>(root.properties.keySet()));
  }

  /**
   * Resolves a dotted path against the model. Each segment is a (Jackson) property of a record or
   * bean, any key of a {@code Map}, or anything below an {@code Object} or {@code JsonNode}
   * attribute.
   *
   * @param dottedPath a path such as {@code tags}, {@code address.city} or {@code scores.imdb}
   * @return the attribute at the path
   * @throws InvalidCommandException when a segment is empty or unknown, naming the known ones
   */
  public AttributePath resolve(String dottedPath) {
    List<String> segments = split(dottedPath);
    Node node = root;
    for (int i = 0; i < segments.size(); i++) {
      node = step(node, segments, i);
    }
    return new AttributePath(segments, node.type, node.kind);
  }

  /**
   * Resolves one more segment below an already resolved path, such as a key to merge into a map.
   *
   * @param parent a path resolved by this schema
   * @param key the segment below it (a property or a map key; dots are part of the key)
   * @return the attribute at {@code parent.key}
   * @throws InvalidCommandException when the key is empty or unknown, or the parent has no parts
   */
  public AttributePath child(AttributePath parent, String key) {
    if (key.isEmpty()) {
      throw new InvalidCommandException(
          "attribute '" + parent.dotted() + "' has an empty key below it; keys must not be empty");
    }
    List<String> segments = new ArrayList<>(parent.segments().size() + 1);
    segments.addAll(parent.segments());
    segments.add(key);
    Node node = root;
    for (int i = 0; i < segments.size(); i++) {
      node = step(node, segments, i);
    }
    return new AttributePath(segments, node.type, node.kind);
  }

  /**
   * The model's attribute names (Jackson property names), in declaration order.
   *
   * @return an unmodifiable set
   */
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  /** The model's own node. */
  Node root() {
    return root;
  }

  /** The node at a path resolved by this schema and whether it is a record or bean property. */
  Location locate(List<String> segments) {
    Node parent = root;
    Node node = root;
    for (String segment : segments) {
      parent = node;
      node = node.child(segment);
    }
    return new Location(node, !segments.isEmpty() && parent.kind == AttributePath.Kind.OBJECT);
  }

  /** A node reached by a path, and whether its last step was a property (not a map key). */
  record Location(Node node, boolean beanProperty) {}

  private Node step(Node node, List<String> segments, int index) {
    String segment = segments.get(index);
    switch (node.kind) {
      case OBJECT -> {
        Node child = node.properties.get(segment);
        if (child != null) {
          return child;
        }
        String known = String.join(", ", node.properties.keySet());
        String dotted =
            node.properties.keySet().stream().anyMatch(name -> name.indexOf('.') >= 0)
                ? " (a dot inside a name is escaped with a backslash: a\\.b, \"a\\\\.b\" in Java;"
                    + " a bare dot separates nested names)"
                : "";
        if (index == 0) {
          throw new InvalidCommandException(
              "unknown attribute '"
                  + segment
                  + "' in "
                  + modelType.getSimpleName()
                  + "; known: "
                  + known
                  + dotted);
        }
        throw new InvalidCommandException(
            "unknown attribute '"
                + new AttributePath(segments.subList(0, index + 1), node.type, node.kind).dotted()
                + "': "
                + typeName(node.type)
                + " has "
                + known
                + dotted);
      }
      case MAP -> {
        return node.element();
      }
      case ANY -> {
        return ANY;
      }
      default ->
          throw new InvalidCommandException(
              "unknown attribute '"
                  + String.join(".", segments.subList(0, index + 1))
                  + "': '"
                  + String.join(".", segments.subList(0, index))
                  + "' is "
                  + article(node)
                  + ", which has no named parts; only records, maps and Object or JsonNode"
                  + " attributes do");
    }
  }

  private static String article(Node node) {
    String name = typeName(node.type);
    return (name.isEmpty() || "AEIOUaeiou".indexOf(name.charAt(0)) < 0 ? "a " : "an ") + name;
  }

  /**
   * The segments of a dotted path; a backslash before a dot makes the dot part of a name ({@code
   * a\.b} is the one attribute {@code a.b}; {@code "a\\.b"} in Java source), two backslashes are
   * one, and any other backslash is itself.
   */
  static List<String> split(String dottedPath) {
    if (dottedPath.isEmpty()) {
      throw new InvalidCommandException(
          "the attribute path is empty; name an attribute such as 'name' or 'address.city'");
    }
    List<String> segments = new ArrayList<>(4);
    if (dottedPath.indexOf('\\') < 0) {
      int start = 0;
      while (true) {
        int dot = dottedPath.indexOf('.', start);
        int end = dot < 0 ? dottedPath.length() : dot;
        segments.add(checkedSegment(dottedPath, dottedPath.substring(start, end)));
        if (dot < 0) {
          return segments;
        }
        start = dot + 1;
      }
    }
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < dottedPath.length(); i++) {
      char c = dottedPath.charAt(i);
      if (c == '\\'
          && i + 1 < dottedPath.length()
          && (dottedPath.charAt(i + 1) == '.' || dottedPath.charAt(i + 1) == '\\')) {
        segment.append(dottedPath.charAt(++i));
      } else if (c == '.') {
        segments.add(checkedSegment(dottedPath, segment.toString()));
        segment.setLength(0);
      } else {
        segment.append(c);
      }
    }
    segments.add(checkedSegment(dottedPath, segment.toString()));
    return segments;
  }

  private static String checkedSegment(String dottedPath, String segment) {
    if (segment.isEmpty()) {
      throw new InvalidCommandException(
          "the attribute path '"
              + dottedPath
              + "' has an empty segment; write paths as dotted names such as 'address.city'"
              + " (a dot inside a name is escaped with a backslash: a\\.b, \"a\\\\.b\" in Java)");
    }
    return segment;
  }

  /** One part of a model: its Java type, how it is stored and what is below it. */
  static final class Node {
    final JavaType type;
    final AttributePath.Kind kind;

    /** Properties by Jackson name (records and beans only), in declaration order. */
    final Map<String, Node> properties;

    /** Properties declared as sets (records and beans only): absent ones read as empty sets. */
    final List<String> setProperties;

    /** Elements of lists and sets, values of maps; null when unknown. */
    @Nullable Node content;

    Node(JavaType type, AttributePath.Kind kind) {
      this.type = type;
      this.kind = kind;
      boolean object = kind == AttributePath.Kind.OBJECT;
      this.properties = object ? new LinkedHashMap<>() : Collections.emptyMap();
      this.setProperties = object ? new ArrayList<>(0) : Collections.emptyList();
    }

    /** The node of a property, a map value or anything below ANY. */
    Node child(String name) {
      if (kind == AttributePath.Kind.OBJECT) {
        Node property = properties.get(name);
        return property == null ? ANY : property;
      }
      return kind == AttributePath.Kind.MAP ? element() : ANY;
    }

    /** The node of an element (lists and sets) or a value (maps). */
    Node element() {
      Node element = content;
      return element == null ? ANY : element;
    }

    boolean isSet() {
      return kind == AttributePath.Kind.SET;
    }

    boolean isObject() {
      return kind == AttributePath.Kind.OBJECT;
    }
  }
}
