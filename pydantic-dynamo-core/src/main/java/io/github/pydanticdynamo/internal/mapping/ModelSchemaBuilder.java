package io.github.pydanticdynamo.internal.mapping;

import static io.github.pydanticdynamo.internal.mapping.MappingMessages.typeName;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.AbstractDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.impl.TypeWrappedDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonAnyFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonArrayFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonBooleanFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatTypes;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitable;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonIntegerFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonMapFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonNullFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonNumberFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonStringFormatVisitor;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.internal.mapping.ModelSchema.Node;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Builds a model's schema from its Jackson serializers, checking Jackson can read it back. */
final class ModelSchemaBuilder {

  /** The schema of a model, or why it cannot be a model. */
  static ModelSchema build(JavaType type, ObjectMapper mapper, Set<String> reservedNames) {
    String model = type.getRawClass().getSimpleName();
    Class<?> raw = type.getRawClass();
    if (type.isPrimitive()
        || type.isArrayType()
        || type.isCollectionLikeType()
        || type.isMapLikeType()
        || type.isEnumType()
        || raw == Object.class
        || JsonNode.class.isAssignableFrom(raw)
        || Collection.class.isAssignableFrom(raw)
        || Map.class.isAssignableFrom(raw)) {
      throw new InvalidModelException(
          model
              + " cannot be a model: a model must be a record or class with properties, stored"
              + " as one item; wrap the "
              + typeName(type)
              + " in a record");
    }
    ModelSchemaBuilder builder = new ModelSchemaBuilder(mapper);
    builder.checkRootCreatable(type, model);
    Node root;
    try {
      root = builder.visit(type, null, null, "");
    } catch (Problem e) {
      throw builder.invalid(model, e);
    } catch (JsonMappingException | RuntimeException e) {
      if (e instanceof InvalidModelException invalid) {
        throw invalid;
      }
      throw new InvalidModelException(
          model + " cannot be a model: Jackson cannot write it: " + e.getMessage(), e);
    }
    if (root.kind != AttributePath.Kind.OBJECT || root.properties.isEmpty()) {
      throw new InvalidModelException(
          model
              + " cannot be a model: it has no properties Jackson can write; give it record"
              + " components, public fields or getters (or annotate them with @JsonProperty)");
    }
    Set<String> clashes = new TreeSet<>();
    for (String name : root.properties.keySet()) {
      if (reservedNames.contains(name)) {
        clashes.add(name);
      }
    }
    clashes.addAll(builder.readableAmong(type, reservedNames));
    if (!clashes.isEmpty()) {
      List<String> described = new ArrayList<>();
      for (String name : clashes) {
        String member = builder.rootMembers.get(name);
        described.add(
            member == null || member.equals(name)
                ? "'" + name + "'"
                : "'" + member + "' (stored as '" + name + "')");
      }
      throw new InvalidModelException(
          model
              + (described.size() == 1
                  ? " cannot be a model: property "
                  : " cannot be a model: properties ")
              + String.join(", ", described)
              + (described.size() == 1
                  ? " uses a reserved attribute name"
                  : " use reserved attribute names")
              + "; the repository stores its keys and internal attributes as "
              + String.join(", ", new TreeSet<>(reservedNames))
              + ". Rename the property, or store it under another name with"
              + " @JsonProperty(\"...\")");
    }
    try {
      builder.checkReadable();
    } catch (Problem e) {
      throw builder.invalid(model, e);
    }
    return new ModelSchema(raw, root);
  }

  /** A problem found while building, with the dotted path where it was found. */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;

    Problem(String path, String message, @Nullable Throwable cause) {
      super(message, cause, false, false);
      this.path = path;
    }
  }

  /** A node to check for readability once the whole model is known, with its path. */
  private record Check(Node node, String path) {}

  private final ObjectMapper mapper;
  private final SerializerProvider provider;
  private final Map<JavaType, Node> objects = new HashMap<>();
  private final List<Check> checks = new ArrayList<>();
  private final Map<String, String> rootMembers = new HashMap<>();
  private @Nullable DeserializationContext readContext;

  private ModelSchemaBuilder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.provider = mapper.getSerializerProviderInstance();
  }

  private InvalidModelException invalid(String model, Problem problem) {
    String path = problem.path;
    String top = topSegment(path);
    String where =
        path.isEmpty()
            ? ""
            : top.equals(path)
                ? "property '" + path + "': "
                : "property '" + top + "' (at '" + path + "'): ";
    return new InvalidModelException(
        model + " cannot be a model: " + where + problem.getMessage(), problem.getCause());
  }

  private static String topSegment(String path) {
    int end = path.length();
    int dot = path.indexOf('.');
    int bracket = path.indexOf('[');
    if (dot >= 0) {
      end = dot;
    }
    if (bracket >= 0 && bracket < end) {
      end = bracket;
    }
    return path.substring(0, end);
  }

  private DeserializationContext readContext() {
    DeserializationContext context = readContext;
    if (context == null) {
      context =
          ((DefaultDeserializationContext) mapper.getDeserializationContext())
              .createDummyInstance(mapper.getDeserializationConfig());
      readContext = context;
    }
    return context;
  }

  /** Rejects an abstract model type that Jackson cannot create (no type information). */
  private void checkRootCreatable(JavaType type, String model) {
    if (!type.isAbstract()) {
      return;
    }
    JsonDeserializer<Object> deserializer;
    try {
      deserializer = readContext().findRootValueDeserializer(type);
    } catch (JsonMappingException | RuntimeException e) {
      throw new InvalidModelException(
          model + " cannot be a model: Jackson cannot read it: " + e.getMessage(), e);
    }
    if (deserializer instanceof AbstractDeserializer) {
      throw new InvalidModelException(
          model
              + " cannot be a model: it is an interface or abstract class without Jackson type"
              + " information, so Jackson cannot create it when reading; use a record or"
              + " concrete class, or add @JsonTypeInfo and @JsonSubTypes");
    }
  }

  /** The node for a value of a declared type, found through its serializer. */
  private Node visit(
      JavaType declared,
      @Nullable JsonFormatVisitable handler,
      @Nullable BeanProperty property,
      String path)
      throws JsonMappingException {
    JavaType type = declared;
    while (type.isReferenceType() && type.getReferencedType() != null) {
      type = type.getReferencedType();
    }
    Class<?> raw = type.getRawClass();
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      return new Node(type, AttributePath.Kind.ANY);
    }
    JsonFormatVisitable visitable = handler;
    if (visitable == null) {
      if (property instanceof BeanPropertyWriter writer && writer.hasSerializer()) {
        visitable = writer.getSerializer();
      } else if (property != null) {
        visitable = provider.findPrimaryPropertySerializer(declared, property);
      } else {
        visitable = provider.findValueSerializer(declared);
      }
    }
    if (visitable instanceof UnknownSerializer
        && provider.isEnabled(SerializationFeature.FAIL_ON_EMPTY_BEANS)) {
      throw new Problem(
          path,
          typeName(type)
              + " has no properties Jackson can write; use a record or a class with getters,"
              + " or register a Jackson serializer and deserializer for it",
          null);
    }
    Probe probe = new Probe(type, path);
    if (visitable != null) {
      visitable.acceptJsonFormatVisitor(probe, declared);
    }
    Node node = probe.result;
    if (node == null) {
      return new Node(type, AttributePath.Kind.ANY);
    }
    if (probe.created && provider.findTypeSerializer(type) != null) {
      addSubtypeProperties(node, type, path);
    }
    return node;
  }

  /** Adds the properties of a polymorphic type's concrete subtypes to its node. */
  private void addSubtypeProperties(Node node, JavaType type, String path)
      throws JsonMappingException {
    SerializationConfig config = provider.getConfig();
    AnnotatedClass annotated = config.introspectClassAnnotations(type).getClassInfo();
    Class<?> raw = type.getRawClass();
    for (NamedType named :
        mapper.getSubtypeResolver().collectAndResolveSubtypesByClass(config, annotated)) {
      Class<?> subtype = named.getType();
      if (subtype == raw
          || !raw.isAssignableFrom(subtype)
          || Modifier.isAbstract(subtype.getModifiers())) {
        continue;
      }
      Node concrete =
          visit(config.getTypeFactory().constructSpecializedType(type, subtype), null, null, path);
      for (Map.Entry<String, Node> property : concrete.properties.entrySet()) {
        node.properties.putIfAbsent(property.getKey(), property.getValue());
      }
    }
  }

  private void addProperty(
      Node owner,
      String ownerPath,
      String name,
      JavaType declared,
      @Nullable JsonFormatVisitable handler,
      @Nullable BeanProperty property)
      throws JsonMappingException {
    String path = ownerPath.isEmpty() ? name : ownerPath + "." + name;
    Node child = visit(declared, handler, property, path);
    owner.properties.put(name, child);
    if (child.isSet() && Set.class.isAssignableFrom(declared.getRawClass())) {
      owner.setProperties.add(name);
    }
    if (ownerPath.isEmpty() && property != null) {
      AnnotatedMember member = property.getMember();
      if (member != null) {
        rootMembers.put(name, member.getName());
      }
    }
  }

  /** Names among {@code names} that Jackson reads into a property of {@code type}. */
  private Set<String> readableAmong(JavaType type, Set<String> names) {
    Set<String> readable = new TreeSet<>();
    try {
      if (readContext().findRootValueDeserializer(type) instanceof BeanDeserializerBase bean) {
        for (String name : names) {
          if (bean.findProperty(name) != null) {
            readable.add(name);
          }
        }
      }
    } catch (JsonMappingException | RuntimeException e) {
      // Reported with its property by checkReadable.
    }
    return readable;
  }

  /** Checks that Jackson can read back every record, bean and container of the model. */
  private void checkReadable() {
    DeserializationContext context = readContext();
    // Deepest first, so a problem is reported at the property that has it, not at its owner.
    for (int i = checks.size() - 1; i >= 0; i--) {
      Check check = checks.get(i);
      Node node = check.node();
      JsonDeserializer<Object> deserializer;
      try {
        deserializer = context.findRootValueDeserializer(node.type);
      } catch (JsonMappingException | RuntimeException e) {
        throw new Problem(
            check.path(),
            "Jackson cannot read " + typeName(node.type) + " back: " + e.getMessage(),
            e);
      }
      if (node.kind != AttributePath.Kind.OBJECT
          || deserializer instanceof TypeWrappedDeserializer) {
        continue;
      }
      if (deserializer instanceof AbstractDeserializer) {
        throw new Problem(
            check.path(),
            typeName(node.type)
                + " is an interface or abstract class without Jackson type information, so"
                + " Jackson cannot create it when reading; use a concrete type, or add"
                + " @JsonTypeInfo and @JsonSubTypes",
            null);
      }
      if (deserializer instanceof BeanDeserializerBase bean
          && !bean.getValueInstantiator().canInstantiate()) {
        throw new Problem(
            check.path(),
            typeName(node.type)
                + " has no constructor Jackson can use to read it back; use a record, add a"
                + " no-argument constructor or a @JsonCreator",
            null);
      }
    }
  }

  /** The kind Jackson writes an enum's constants as: strings, or numbers with @JsonValue. */
  private AttributePath.Kind enumKind(JavaType type) {
    Object[] constants = type.getRawClass().getEnumConstants();
    if (constants == null || constants.length == 0) {
      return AttributePath.Kind.STRING;
    }
    AttributePath.Kind kind = null;
    for (Object constant : constants) {
      JsonNode written;
      try {
        written = mapper.valueToTree(constant);
      } catch (RuntimeException e) {
        return AttributePath.Kind.STRING;
      }
      AttributePath.Kind one =
          written.isIntegralNumber()
              ? AttributePath.Kind.INTEGRAL
              : written.isNumber()
                  ? AttributePath.Kind.DECIMAL
                  : written.isTextual() ? AttributePath.Kind.STRING : AttributePath.Kind.ANY;
      if (kind == null || kind == one) {
        kind = one;
      } else if (isNumber(kind) && isNumber(one)) {
        kind = AttributePath.Kind.DECIMAL;
      } else {
        return AttributePath.Kind.ANY;
      }
    }
    return kind;
  }

  private static boolean isNumber(AttributePath.Kind kind) {
    return kind == AttributePath.Kind.INTEGRAL || kind == AttributePath.Kind.DECIMAL;
  }

  private static AttributePath.Kind kindOf(JsonFormatTypes format) {
    return switch (format) {
      case STRING -> AttributePath.Kind.STRING;
      case INTEGER -> AttributePath.Kind.INTEGRAL;
      case NUMBER -> AttributePath.Kind.DECIMAL;
      case BOOLEAN -> AttributePath.Kind.BOOLEAN;
      case ARRAY -> AttributePath.Kind.LIST;
      case OBJECT -> AttributePath.Kind.MAP;
      default -> AttributePath.Kind.ANY;
    };
  }

  private static JavaType contentType(JavaType type) {
    JavaType content = type.getContentType();
    return content == null ? TypeFactory.unknownType() : content;
  }

  /** Receives the format of one value from its serializer. */
  private final class Probe extends JsonFormatVisitorWrapper.Base {
    private final JavaType type;
    private final String path;
    @Nullable Node result;
    boolean created;

    Probe(JavaType type, String path) {
      super(provider);
      this.type = type;
      this.path = path;
    }

    @Override
    public @Nullable JsonObjectFormatVisitor expectObjectFormat(JavaType hint) {
      Node known = objects.get(type);
      if (known != null) {
        result = known;
        return null;
      }
      Node node = new Node(type, AttributePath.Kind.OBJECT);
      created = true;
      objects.put(type, node);
      checks.add(new Check(node, path));
      result = node;
      return new JsonObjectFormatVisitor.Base(provider) {
        @Override
        public void property(BeanProperty property) throws JsonMappingException {
          addProperty(node, path, property.getName(), property.getType(), null, property);
        }

        @Override
        public void optionalProperty(BeanProperty property) throws JsonMappingException {
          addProperty(node, path, property.getName(), property.getType(), null, property);
        }

        @Override
        public void property(String name, JsonFormatVisitable handler, JavaType propertyType)
            throws JsonMappingException {
          addProperty(node, path, name, propertyType, handler, null);
        }

        @Override
        public void optionalProperty(
            String name, JsonFormatVisitable handler, JavaType propertyType)
            throws JsonMappingException {
          addProperty(node, path, name, propertyType, handler, null);
        }
      };
    }

    @Override
    public @Nullable JsonArrayFormatVisitor expectArrayFormat(JavaType hint) {
      Class<?> raw = type.getRawClass();
      if (raw == byte[].class || ByteBuffer.class.isAssignableFrom(raw)) {
        result = new Node(type, AttributePath.Kind.BINARY);
        return null;
      }
      if (raw == char[].class) {
        result = new Node(type, AttributePath.Kind.STRING);
        return null;
      }
      Node node =
          new Node(
              type,
              Set.class.isAssignableFrom(raw) ? AttributePath.Kind.SET : AttributePath.Kind.LIST);
      checks.add(new Check(node, path));
      result = node;
      return new JsonArrayFormatVisitor.Base(provider) {
        @Override
        public void itemsFormat(JsonFormatVisitable handler, JavaType elementType)
            throws JsonMappingException {
          node.content =
              visit(
                  elementType == null ? contentType(type) : elementType,
                  handler,
                  null,
                  path + "[]");
        }

        @Override
        public void itemsFormat(JsonFormatTypes format) {
          node.content = new Node(contentType(type), kindOf(format));
        }
      };
    }

    @Override
    public @Nullable JsonMapFormatVisitor expectMapFormat(JavaType hint) {
      Node node = new Node(type, AttributePath.Kind.MAP);
      checks.add(new Check(node, path));
      result = node;
      return new JsonMapFormatVisitor.Base(provider) {
        @Override
        public void valueFormat(JsonFormatVisitable handler, JavaType valueType)
            throws JsonMappingException {
          node.content =
              visit(valueType == null ? contentType(type) : valueType, handler, null, path + ".*");
        }
      };
    }

    @Override
    public @Nullable JsonStringFormatVisitor expectStringFormat(JavaType hint) {
      return leaf(type.isEnumType() ? enumKind(type) : AttributePath.Kind.STRING);
    }

    @Override
    public @Nullable JsonNumberFormatVisitor expectNumberFormat(JavaType hint) {
      return leaf(AttributePath.Kind.DECIMAL);
    }

    @Override
    public @Nullable JsonIntegerFormatVisitor expectIntegerFormat(JavaType hint) {
      return leaf(AttributePath.Kind.INTEGRAL);
    }

    @Override
    public @Nullable JsonBooleanFormatVisitor expectBooleanFormat(JavaType hint) {
      return leaf(AttributePath.Kind.BOOLEAN);
    }

    @Override
    public @Nullable JsonNullFormatVisitor expectNullFormat(JavaType hint) {
      return leaf(AttributePath.Kind.ANY);
    }

    @Override
    public @Nullable JsonAnyFormatVisitor expectAnyFormat(JavaType hint) {
      return leaf(AttributePath.Kind.ANY);
    }

    /** A value without parts: its node, and no visitor for Jackson to fill. */
    private <V> @Nullable V leaf(AttributePath.Kind kind) {
      result = new Node(type, kind);
      return null;
    }
  }
}
