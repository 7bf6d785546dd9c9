package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.DynamoEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The application's entities and where each is stored, checked as a whole. */
final class DynamoEntityCatalog {
  private final Map<Class<?>, DynamoEntityDefinition> definitions;

  DynamoEntityCatalog(List<Class<?>> entityTypes, PydanticDynamoProperties properties) {
    checkSimpleNames(entityTypes);
    checkEntityKeys(entityTypes, properties);
    Map<Class<?>, DynamoEntityDefinition> resolved = new LinkedHashMap<>();
    for (Class<?> type : entityTypes) {
      resolved.put(type, resolve(type, properties));
    }
    checkCollisions(resolved.values());
    this.definitions = resolved;
  }

  List<DynamoEntityDefinition> definitions() {
    return List.copyOf(definitions.values());
  }

  DynamoEntityDefinition definition(Class<?> entityType) {
    DynamoEntityDefinition definition = definitions.get(entityType);
    if (definition == null) {
      throw new IllegalArgumentException(entityType.getName() + " is not a scanned @DynamoEntity");
    }
    return definition;
  }

  /** The distinct tables of the entities, in order of first use. */
  Set<String> tableNames() {
    return definitions.values().stream()
        .map(DynamoEntityDefinition::tableName)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static DynamoEntityDefinition resolve(
      Class<?> type, PydanticDynamoProperties properties) {
    @Nullable DynamoEntity annotation = type.getAnnotation(DynamoEntity.class);
    PydanticDynamoProperties.@Nullable Entity overrides = properties.entity(type);
    String key = propertyPrefix(type);
    String table =
        firstNonBlank(
            overrides == null ? null : overrides.tableName(),
            annotation == null ? null : annotation.tableName(),
            properties.tableName());
    if (table == null) {
      throw new PydanticDynamoConfigurationException(
          "No DynamoDB table is configured for @DynamoEntity "
              + type.getName()
              + ": neither pydantic-dynamo.table-name, "
              + key
              + ".table-name nor @DynamoEntity(tableName) is set.",
          "Set pydantic-dynamo.table-name (the default table of every entity), or "
              + key
              + ".table-name, or @DynamoEntity(tableName = \"...\") on "
              + type.getSimpleName()
              + ".",
          null);
    }
    String prefix =
        firstNonBlank(
            overrides == null ? null : overrides.partitionPrefix(), properties.partitionPrefix());
    if (prefix == null) {
      throw new PydanticDynamoConfigurationException(
          "No partition prefix is configured for @DynamoEntity "
              + type.getName()
              + ": every partition key starts with it (prefix#name#ids).",
          "Set pydantic-dynamo.partition-prefix (usually the application's name), or "
              + key
              + ".partition-prefix.",
          null);
    }
    String contentType =
        firstNonBlank(
            overrides == null ? null : overrides.contentType(),
            annotation == null ? null : annotation.contentType(),
            type.getSimpleName());
    String partitionName =
        firstNonBlank(
            overrides == null ? null : overrides.partitionName(),
            annotation == null ? null : annotation.partitionName(),
            contentType);
    Boolean consistent = overrides == null ? null : overrides.consistentReads();
    return new DynamoEntityDefinition(
        type,
        table,
        prefix,
        Objects.requireNonNull(partitionName),
        Objects.requireNonNull(contentType),
        consistent != null ? consistent : properties.consistentReads());
  }

  /** The prefix of an entity's own properties: {@code pydantic-dynamo.entities.film-actor}. */
  static String propertyPrefix(Class<?> entityType) {
    return PydanticDynamoProperties.PREFIX
        + ".entities."
        + PydanticDynamoProperties.entityKey(entityType);
  }

  private static void checkSimpleNames(List<Class<?>> entityTypes) {
    Map<String, List<String>> byKey = new HashMap<>();
    for (Class<?> type : entityTypes) {
      byKey
          .computeIfAbsent(
              PydanticDynamoProperties.normalize(type.getSimpleName()), k -> new ArrayList<>())
          .add(type.getName());
    }
    for (Class<?> type : entityTypes) {
      List<String> same = byKey.get(PydanticDynamoProperties.normalize(type.getSimpleName()));
      if (same.size() > 1) {
        throw new PydanticDynamoConfigurationException(
            "@DynamoEntity types "
                + String.join(" and ", same)
                + " have the same simple name, so their pydantic-dynamo.entities."
                + PydanticDynamoProperties.entityKey(type)
                + " settings and repository bean names would clash.",
            "Rename one of them, or narrow the scanned packages with @DynamoEntityScan.",
            null);
      }
    }
  }

  private static void checkEntityKeys(
      List<Class<?>> entityTypes, PydanticDynamoProperties properties) {
    Set<String> known =
        entityTypes.stream()
            .map(type -> PydanticDynamoProperties.normalize(type.getSimpleName()))
            .collect(Collectors.toSet());
    for (String configured : new TreeSet<>(properties.entities().keySet())) {
      if (!known.contains(PydanticDynamoProperties.normalize(configured))) {
        Set<String> names =
            entityTypes.stream()
                .map(PydanticDynamoProperties::entityKey)
                .collect(Collectors.toCollection(TreeSet::new));
        throw new PydanticDynamoConfigurationException(
            "pydantic-dynamo.entities."
                + configured
                + " does not name a scanned @DynamoEntity; the scanned entities are "
                + (names.isEmpty() ? "none" : String.join(", ", names))
                + ".",
            "Use the entity's simple name in kebab case (film-actor for FilmActor), and check that"
                + " the type is annotated with @DynamoEntity and lies in a scanned package (the"
                + " @SpringBootApplication package, or @DynamoEntityScan).",
            null);
      }
    }
  }

  private static void checkCollisions(Iterable<DynamoEntityDefinition> definitions) {
    Map<List<String>, DynamoEntityDefinition> seen = new HashMap<>();
    for (DynamoEntityDefinition definition : definitions) {
      List<String> space =
          List.of(
              definition.tableName(),
              definition.partitionPrefix(),
              definition.partitionName(),
              definition.contentType());
      DynamoEntityDefinition other = seen.putIfAbsent(space, definition);
      if (other != null) {
        throw new PydanticDynamoConfigurationException(
            "@DynamoEntity types "
                + other.entityType().getName()
                + " and "
                + definition.entityType().getName()
                + " would store their items under the same keys: both use table '"
                + definition.tableName()
                + "', partition '"
                + definition.partitionPrefix()
                + "#"
                + definition.partitionName()
                + "' and content type '"
                + definition.contentType()
                + "'.",
            "Give one of them another content type or partition name: "
                + propertyPrefix(definition.entityType())
                + ".content-type (or .partition-name), or @DynamoEntity(contentType = \"...\") on "
                + definition.entityType().getSimpleName()
                + ".",
            null);
      }
    }
  }

  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
