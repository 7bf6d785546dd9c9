package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.module.paramnames.ParameterNamesAnnotationIntrospector;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.internal.mapping.RecordCodec.Property;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Decides whether a model gets a record plan (Jackson maps it the default way) and builds it. */
final class PlanCompiler {

  private static final Set<Class<?>> LIST_TYPES =
      Set.of(List.class, Collection.class, ArrayList.class);
  private static final Set<Class<?>> SET_TYPES =
      Set.of(Set.class, HashSet.class, LinkedHashSet.class);
  private static final Set<Class<?>> MAP_TYPES =
      Set.of(Map.class, LinkedHashMap.class, HashMap.class);

  /** Set element types whose distinct values always write distinct texts (no dedupe needed). */
  private static final Set<Class<?>> SET_STRINGS = Set.of(String.class, UUID.class);

  private static final Set<Class<?>> SET_NUMBERS =
      Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

  private static final Map<Class<?>, Object> ZEROS =
      Map.of(
          boolean.class,
          false,
          int.class,
          0,
          long.class,
          0L,
          short.class,
          (short) 0,
          byte.class,
          (byte) 0,
          double.class,
          0.0,
          float.class,
          0.0f);

  private static final Set<Class<?>> STANDARD_INTROSPECTORS =
      Set.of(JacksonAnnotationIntrospector.class, ParameterNamesAnnotationIntrospector.class);

  /**
   * Compiles the plan of a record, or explains why there is none.
   *
   * @param type the model type
   * @param mapper the configured Jackson mapper the model is otherwise mapped with
   * @param root the model's schema node
   * @param extraCapacity entries the caller adds to written maps (keys, reserved attributes)
   * @param format how nulls and sets are stored
   * @return the plan, or a reason why the Jackson path must be used
   */
  static <T> Compiled<T> compile(
      Class<T> type,
      ObjectMapper mapper,
      ModelSchema.Node root,
      int extraCapacity,
      StorageFormat format) {
    try {
      PlanCompiler compiler = new PlanCompiler(mapper, format == StorageFormat.PYTHON);
      compiler.checkMapper();
      RecordCodec codec = compiler.record(root, type.getSimpleName());
      return new Compiled<>(new RecordPlan<>(type, codec, extraCapacity, compiler.enums), null);
    } catch (Ineligible e) {
      return new Compiled<>(null, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Compiled<>(null, "cannot compile: " + e);
    }
  }

  /** The result of {@link #compile}: a plan, or why there is none. */
  record Compiled<T>(@Nullable RecordPlan<T> plan, @Nullable String reason) {}

  /** Why a type gets no plan. */
  private static final class Ineligible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Ineligible(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ObjectMapper mapper;
  private final SerializationConfig serialization;
  private final DeserializationConfig deserialization;
  private final SerializerProvider provider;
  private final DeserializationContext context;
  private final Map<Class<?>, RecordCodec> records = new HashMap<>();
  private final Map<Class<?>, EnumCodec> enums = new HashMap<>();
  private final Set<Class<?>> checked = new HashSet<>();
  private boolean strictAbsent;

  /** The Python library's layout: null properties as NULL, sets as lists. */
  private final boolean python;

  private PlanCompiler(ObjectMapper mapper, boolean python) {
    this.mapper = mapper;
    this.python = python;
    this.serialization = mapper.getSerializationConfig();
    this.deserialization = mapper.getDeserializationConfig();
    this.provider = mapper.getSerializerProviderInstance();
    this.context =
        ((DefaultDeserializationContext) mapper.getDeserializationContext())
            .createDummyInstance(deserialization);
  }

  void checkMapper() {
    require(mapper.mixInCount() == 0, "the ObjectMapper has mix-ins");
    require(
        serialization.getPropertyNamingStrategy() == null
            && deserialization.getPropertyNamingStrategy() == null,
        "the ObjectMapper has a property naming strategy");
    for (AnnotationIntrospector introspector :
        serialization.getAnnotationIntrospector().allIntrospectors()) {
      require(
          STANDARD_INTROSPECTORS.contains(introspector.getClass()),
          "the ObjectMapper uses " + introspector.getClass().getSimpleName());
    }
    for (AnnotationIntrospector introspector :
        deserialization.getAnnotationIntrospector().allIntrospectors()) {
      require(
          STANDARD_INTROSPECTORS.contains(introspector.getClass()),
          "the ObjectMapper uses " + introspector.getClass().getSimpleName());
    }
    JsonInclude.Value inclusion = serialization.getDefaultPropertyInclusion();
    JsonInclude.Include values = inclusion.getValueInclusion();
    JsonInclude.Include contents = inclusion.getContentInclusion();
    require(
        values == JsonInclude.Include.ALWAYS
            || values == JsonInclude.Include.USE_DEFAULTS
            || values == JsonInclude.Include.NON_NULL,
        "the ObjectMapper's property inclusion is " + values);
    require(
        contents == JsonInclude.Include.ALWAYS || contents == JsonInclude.Include.USE_DEFAULTS,
        "the ObjectMapper's content inclusion is " + contents);
    JsonSetter.Value setter = deserialization.getDefaultSetterInfo();
    require(
        isDefaultNulls(setter.getValueNulls()) && isDefaultNulls(setter.getContentNulls()),
        "the ObjectMapper's null handling is changed");
    require(
        !serialization.hasExplicitTimeZone() && !deserialization.hasExplicitTimeZone(),
        "the ObjectMapper has a time zone");
    require(
        !serialization.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            && !serialization.isEnabled(SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
            && serialization.isEnabled(SerializationFeature.WRITE_NULL_MAP_VALUES)
            && serialization.isEnabled(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS),
        "the ObjectMapper's serialization features are changed");
    require(
        !deserialization.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            && !deserialization.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
        "the ObjectMapper's deserialization features are changed");
    strictAbsent =
        deserialization.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            || deserialization.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            || deserialization.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
  }

  private static boolean isDefaultNulls(Nulls nulls) {
    return nulls == Nulls.DEFAULT || nulls == Nulls.SET;
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new Ineligible(reason);
    }
  }

  /** Jackson maps the type with its own, unconfigured serializer and deserializer. */
  private void standard(JavaType type, String where) {
    Class<?> raw = type.getRawClass();
    if (!checked.add(raw)) {
      return;
    }
    require(
        serialization.findConfigOverride(raw) == null
            && deserialization.findConfigOverride(raw) == null,
        where + ": the ObjectMapper has a config override for " + raw.getSimpleName());
    try {
      JsonSerializer<Object> serializer = provider.findValueSerializer(type);
      JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
      require(
          isJackson(serializer.getClass()) && isJackson(deserializer.getClass()),
          where + ": " + raw.getSimpleName() + " has a custom serializer or deserializer");
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new Ineligible(where + ": " + e.getOriginalMessage());
    }
  }

  private static boolean isBlackbird(Class<?> type) {
    return type.getName().startsWith("com.fasterxml.jackson.module.blackbird.");
  }

  private static boolean isJackson(Class<?> type) {
    String name = type.getName();
    return type == TimeTextModule.TimeTextSerializer.class
        || name.startsWith("com.fasterxml.jackson.databind.")
        || name.startsWith("com.fasterxml.jackson.datatype.jsr310.");
  }

  ValueCodec codec(ModelSchema.Node node, String where) {
    JavaType type = node.type;
    Class<?> raw = type.getRawClass();
    if (node.kind == AttributePath.Kind.OBJECT) {
      return record(node, where);
    }
    ValueCodec scalar = ScalarCodecs.of(raw);
    if (scalar != null) {
      standard(type, where);
      if (scalar == NumberCodecs.BIG_DECIMAL) {
        // Written with toString unless the writer is configured to write plain decimals.
        require(
            "1E+3".equals(probe(type, new BigDecimal("1E+3"), where).n()),
            where + ": BigDecimal is written as plain text");
      }
      return scalar;
    }
    if (raw.isEnum()) {
      return enumCodec(type, where);
    }
    if (node.kind == AttributePath.Kind.LIST && LIST_TYPES.contains(raw)) {
      standard(type, where);
      return new ListCodec(codec(node.element(), where + "[]"));
    }
    if (node.kind == AttributePath.Kind.SET && SET_TYPES.contains(raw)) {
      standard(type, where);
      JavaType element = type.getContentType();
      Class<?> e = element == null ? Object.class : element.getRawClass();
      boolean numbers = SET_NUMBERS.contains(e);
      require(
          numbers || SET_STRINGS.contains(e) || e.isEnum(),
          where + ": a set of " + e.getSimpleName());
      return new SetCodec(
          codec(node.element(), where + "[]"), numbers, raw == LinkedHashSet.class, python);
    }
    if (node.kind == AttributePath.Kind.MAP && MAP_TYPES.contains(raw)) {
      JavaType key = type.getKeyType();
      require(
          key != null && key.getRawClass() == String.class, where + ": map keys are not strings");
      standard(type, where);
      return new MapCodec(codec(node.element(), where + ".*"), raw == HashMap.class);
    }
    throw new Ineligible(where + ": " + MappingMessages.typeName(type) + " (" + node.kind + ")");
  }

  /** What Jackson's path writes for one value of a type. */
  private AttributeValue probe(JavaType type, Object value, String where) {
    AttributeGenerator generator =
        new AttributeGenerator(mapper, ModelSchema.ANY, where, false, StorageFormat.STANDARD);
    try {
      mapper.writerFor(type).writeValue(generator, value);
    } catch (java.io.IOException | RuntimeException e) {
      throw new Ineligible(where + ": " + e.getMessage());
    }
    AttributeValue result = generator.result();
    if (result == null) {
      throw new Ineligible(where + ": " + value + " is not written");
    }
    return result;
  }

  private EnumCodec enumCodec(JavaType type, String where) {
    Class<?> raw = type.getRawClass();
    EnumCodec known = enums.get(raw);
    if (known != null) {
      return known;
    }
    standard(type, where);
    annotations(raw, where);
    Map<Object, AttributeValue> written = new HashMap<>();
    Map<String, Object> read = new HashMap<>();
    for (Object constant : raw.getEnumConstants()) {
      AttributeValue value = probe(type, constant, where);
      String text = value.s();
      require(text != null, where + ": an enum not written as a string");
      Object back;
      try {
        back = mapper.readerFor(type).readValue(mapper.treeAsTokens(TextNode.valueOf(text)));
      } catch (java.io.IOException | RuntimeException e) {
        throw new Ineligible(where + ": " + e.getMessage());
      }
      require(back == constant && read.put(text, constant) == null, where + ": enum texts");
      written.put(constant, value);
    }
    EnumCodec codec = new EnumCodec(written, read);
    enums.put(raw, codec);
    return codec;
  }

  RecordCodec record(ModelSchema.Node node, String where) {
    JavaType type = node.type;
    Class<?> raw = type.getRawClass();
    RecordCodec known = records.get(raw);
    if (known != null) {
      return known;
    }
    require(raw.isRecord(), where + ": " + raw.getSimpleName() + " is not a record");
    require(raw.getTypeParameters().length == 0, where + ": a generic record");
    annotations(raw, where);
    RecordComponent[] components = raw.getRecordComponents();
    require(
        node.properties.size() == components.length,
        where + ": Jackson's properties are not the record components");
    try {
      JsonSerializer<Object> serializer = provider.findValueSerializer(type);
      require(serializer.getClass() == BeanSerializer.class, where + ": a custom serializer");
      for (java.util.Iterator<com.fasterxml.jackson.databind.ser.PropertyWriter> it =
              serializer.properties();
          it.hasNext(); ) {
        Class<?> writer = it.next().getClass();
        require(
            writer == BeanPropertyWriter.class || isBlackbird(writer),
            where + ": a custom property writer");
      }
      require(provider.findTypeSerializer(type) == null, where + ": polymorphic type info");
      Class<?> deserializer = context.findRootValueDeserializer(type).getClass();
      require(
          deserializer == BeanDeserializer.class || isBlackbird(deserializer),
          where + ": a custom deserializer (" + deserializer.getName() + ")");
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new Ineligible(where + ": " + e.getOriginalMessage());
    }
    require(
        serialization.findConfigOverride(raw) == null
            && deserialization.findConfigOverride(raw) == null,
        where + ": a config override");
    RecordCodec codec = new RecordCodec();
    codec.strictAbsent = strictAbsent;
    codec.writeNulls = python;
    records.put(raw, codec);
    MethodHandles.Lookup lookup;
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
    }
    try {
      lookup = MethodHandles.privateLookupIn(raw, MethodHandles.lookup());
      codec.constructor =
          lookup
              .findConstructor(raw, MethodType.methodType(void.class, parameterTypes))
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
      throw new Ineligible(where + ": " + e);
    }
    Property[] properties = new Property[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = component.getName();
      ModelSchema.Node child = node.properties.get(name);
      require(child != null, where + ": Jackson's properties are not the record components");
      String path = where.isEmpty() ? name : where + "." + name;
      require(
          child.type.getRawClass() == component.getType(),
          path + ": " + component.getType().getSimpleName() + " is written as its content");
      MethodHandle accessor;
      try {
        accessor =
            lookup
                .unreflect(component.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      } catch (IllegalAccessException e) {
        throw new Ineligible(path + ": " + e);
      }
      ValueCodec childCodec = codec(child, path);
      boolean set = childCodec instanceof SetCodec && node.setProperties.contains(name);
      properties[i] =
          new Property(name, i, accessor, childCodec, ZEROS.get(component.getType()), set);
    }
    codec.properties = properties;
    return codec;
  }

  /** Rejects types whose parts carry Jackson or java.beans annotations. */
  private static void annotations(Class<?> type, String where) {
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(type);
    for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
      elements.add(s);
    }
    for (Class<?> i : allInterfaces(type)) {
      elements.add(i);
      elements.addAll(List.of(i.getDeclaredMethods()));
    }
    elements.addAll(List.of(type.getDeclaredFields()));
    elements.addAll(List.of(type.getDeclaredMethods()));
    if (type.isRecord()) {
      elements.addAll(List.of(type.getRecordComponents()));
    }
    List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
    executables.addAll(List.of(type.getDeclaredMethods()));
    for (Executable executable : executables) {
      elements.add(executable);
      for (Parameter parameter : executable.getParameters()) {
        elements.add(parameter);
      }
    }
    for (AnnotatedElement element : elements) {
      for (Annotation annotation : element.getDeclaredAnnotations()) {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        String name = annotationType.getName();
        if (name.startsWith("com.fasterxml.jackson.")
            || name.startsWith("java.beans.")
            || annotationType.isAnnotationPresent(JacksonAnnotation.class)
            || annotationType.isAnnotationPresent(JacksonAnnotationsInside.class)) {
          throw new Ineligible(where + ": @" + annotationType.getSimpleName() + " on " + element);
        }
      }
    }
  }

  private static Set<Class<?>> allInterfaces(Class<?> type) {
    Set<Class<?>> all = new LinkedHashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(type.getInterfaces()));
    while (!todo.isEmpty()) {
      Class<?> next = todo.remove(todo.size() - 1);
      if (all.add(next)) {
        todo.addAll(List.of(next.getInterfaces()));
      }
    }
    return all;
  }
}
