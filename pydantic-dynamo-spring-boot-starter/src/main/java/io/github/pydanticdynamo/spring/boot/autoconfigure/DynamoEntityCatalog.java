package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.DynamoEntity;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.TableLayout;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/** The application's entities and where each is stored, checked as a whole. */
final class DynamoEntityCatalog {
  private static final String DEFAULT_KEYS =
      PydanticDynamoProperties.PREFIX
          + ".partition-key and "
          + PydanticDynamoProperties.PREFIX
          + ".sort-key";

  private final Map<Class<?>, DynamoEntityDefinition> definitions;
  private final List<EntityTable> tables;

  DynamoEntityCatalog(
      List<Class<?>> entityTypes,
      PydanticDynamoProperties properties,
      EntitySettingNames entitySettings) {
    checkSimpleNames(entityTypes);
    checkEntityKeys(entityTypes, properties);
    checkEntitySettings(entitySettings);
    Map<Class<?>, DynamoEntityDefinition> resolved = new LinkedHashMap<>();
    for (Class<?> type : entityTypes) {
      resolved.put(type, resolve(type, properties));
    }
    checkCollisions(resolved.values());
    this.definitions = resolved;
    this.tables = tables(resolved.values());
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

  /** The distinct tables with their layout and entities, in order of first use. */
  List<EntityTable> tables() {
    return tables;
  }

  private static DynamoEntityDefinition resolve(
      Class<?> type, PydanticDynamoProperties properties) {
    @Nullable DynamoEntity annotation = type.getAnnotation(DynamoEntity.class);
    PydanticDynamoProperties.@Nullable Entity overrides = properties.entity(type);
    String key = propertyPrefix(type);
    String entityTable = overrides == null ? null : blankToNull(overrides.tableName());
    String annotationTable = annotation == null ? null : blankToNull(annotation.tableName());
    String table = firstNonBlank(entityTable, annotationTable, properties.tableName());
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
    String tableSetting =
        entityTable != null
            ? key + ".table-name"
            : annotationTable != null
                ? "@DynamoEntity(tableName) on " + type.getSimpleName()
                : PydanticDynamoProperties.PREFIX + ".table-name";
    if (entityTable == null && annotationTable != null) {
      String problem = TableNames.problem(annotationTable);
      if (problem != null) {
        throw new PydanticDynamoConfigurationException(
            "@DynamoEntity(tableName = \""
                + annotationTable
                + "\") on "
                + type.getName()
                + " is not a valid DynamoDB table name: "
                + problem
                + ".",
            "Change the tableName of @DynamoEntity on "
                + type.getSimpleName()
                + " to a name of 3 to 255 characters, each a letter, a digit, '_', '-' or '.', or"
                + " set "
                + key
                + ".table-name.",
            null);
      }
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
    String entityPartitionKey = overrides == null ? null : blankToNull(overrides.partitionKey());
    String entitySortKey = overrides == null ? null : blankToNull(overrides.sortKey());
    String keySettings =
        entityPartitionKey == null && entitySortKey == null
            ? DEFAULT_KEYS
            : (entityPartitionKey == null
                    ? PydanticDynamoProperties.PREFIX + ".partition-key"
                    : key + ".partition-key")
                + " and "
                + (entitySortKey == null
                    ? PydanticDynamoProperties.PREFIX + ".sort-key"
                    : key + ".sort-key");
    TableLayout layout;
    try {
      layout =
          TableLayout.of(
              entityPartitionKey != null ? entityPartitionKey : properties.partitionKey(),
              entitySortKey != null ? entitySortKey : properties.sortKey());
    } catch (InvalidCommandException e) {
      throw new PydanticDynamoConfigurationException(
          "The key attribute names of @DynamoEntity "
              + type.getName()
              + " ("
              + keySettings
              + ") are invalid: "
              + e.getMessage()
              + ".",
          "Set " + keySettings + " to the two key attribute names of table '" + table + "'.",
          e);
    }
    try {
      layout = layout.withIndexes(SecondaryIndex.declaredOn(type));
    } catch (InvalidCommandException e) {
      throw new PydanticDynamoConfigurationException(
          "The @DynamoIndex declarations of @DynamoEntity "
              + type.getName()
              + " are invalid: "
              + e.getMessage()
              + ".",
          "Fix the @DynamoIndex annotations on " + type.getSimpleName() + ".",
          e);
    }
    return new DynamoEntityDefinition(
        type,
        table,
        tableSetting,
        layout,
        keySettings,
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

  /** Fails when two entities share a simple name: their beans and settings would be the same. */
  static void checkSimpleNames(List<Class<?>> entityTypes) {
    Map<String, List<Class<?>>> byKey = new LinkedHashMap<>();
    for (Class<?> type : entityTypes) {
      byKey
          .computeIfAbsent(
              PydanticDynamoProperties.normalize(type.getSimpleName()), k -> new ArrayList<>())
          .add(type);
    }
    for (List<Class<?>> same : byKey.values()) {
      if (same.size() > 1) {
        Class<?> first = same.get(0);
        Set<String> simpleNames =
            same.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        String bean = Introspector.decapitalize(first.getSimpleName());
        throw new PydanticDynamoConfigurationException(
            "@DynamoEntity types "
                + same.stream().map(Class::getName).collect(Collectors.joining(" and "))
                + (simpleNames.size() == 1
                    ? " have the same simple name '" + first.getSimpleName() + "'"
                    : " have simple names that differ only in case or '_' ("
                        + String.join(", ", simpleNames)
                        + ")")
                + ", and the starter names each entity's repository beans ("
                + bean
                + "DynamoRepository, "
                + bean
                + "AsyncDynamoRepository) and its settings ("
                + propertyPrefix(first)
                + ".*) after it, so the two would clash.",
            "Rename one of them (the simple name of a record is its only name here), or keep only"
                + " one of their packages in the scan: @DynamoEntityScan(basePackageClasses ="
                + " ...) on the application class names the packages searched for entities.",
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

  private static void checkEntitySettings(EntitySettingNames entitySettings) {
    ConfigurationPropertyName unknown = entitySettings.firstUnknown();
    if (unknown != null) {
      String entity =
          PydanticDynamoProperties.PREFIX + ".entities." + unknown.getElement(2, Form.ORIGINAL);
      List<String> valid = PydanticDynamoProperties.Entity.settingNames();
      throw new PydanticDynamoConfigurationException(
          unknown
              + " is not a setting of an entity; the settings under "
              + entity
              + " are "
              + String.join(", ", valid.subList(0, valid.size() - 1))
              + " and "
              + valid.get(valid.size() - 1)
              + ".",
          "Rename it to one of those settings, or remove it.",
          null);
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

  /** Groups the entities by table; all entities of a table must expect the same keys. */
  private static List<EntityTable> tables(Iterable<DynamoEntityDefinition> definitions) {
    Map<String, List<DynamoEntityDefinition>> byTable = new LinkedHashMap<>();
    for (DynamoEntityDefinition definition : definitions) {
      byTable.computeIfAbsent(definition.tableName(), t -> new ArrayList<>()).add(definition);
    }
    List<EntityTable> tables = new ArrayList<>();
    for (Map.Entry<String, List<DynamoEntityDefinition>> table : byTable.entrySet()) {
      DynamoEntityDefinition first = table.getValue().get(0);
      TableLayout merged = first.layout();
      for (DynamoEntityDefinition other : table.getValue()) {
        if (!other.layout().sameKeys(first.layout())) {
          throw new PydanticDynamoConfigurationException(
              "@DynamoEntity types "
                  + first.entityType().getName()
                  + " and "
                  + other.entityType().getName()
                  + " share table '"
                  + table.getKey()
                  + "' but expect different keys: "
                  + first.simpleName()
                  + " "
                  + first.layout()
                  + " ("
                  + first.keySettings()
                  + "), "
                  + other.simpleName()
                  + " "
                  + other.layout()
                  + " ("
                  + other.keySettings()
                  + "). A table has one key schema.",
              "Give both the key names of table '"
                  + table.getKey()
                  + "' ("
                  + other.settingsPrefix()
                  + ".partition-key and .sort-key), or store "
                  + other.simpleName()
                  + " in a table of its own ("
                  + other.settingsPrefix()
                  + ".table-name).",
              null);
        }
        try {
          merged = merged.withIndexes(other.layout().indexes());
        } catch (InvalidCommandException e) {
          throw new PydanticDynamoConfigurationException(
              "@DynamoEntity types sharing table '"
                  + table.getKey()
                  + "' declare indexes of one name with different keys ("
                  + other.entityType().getName()
                  + " among them): "
                  + e.getMessage()
                  + ".",
              "Give the @DynamoIndex declarations of one name the same partitionKey and sortKey"
                  + " attributes (and kind) on every entity of table '"
                  + table.getKey()
                  + "', or name them differently.",
              e);
        }
      }
      tables.add(new EntityTable(table.getKey(), merged, List.copyOf(table.getValue())));
    }
    return List.copyOf(tables);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
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
