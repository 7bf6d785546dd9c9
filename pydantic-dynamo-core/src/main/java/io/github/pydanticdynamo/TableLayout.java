package io.github.pydanticdynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * How a repository's table is laid out: a string partition key and a string sort key with the
 * configured names, and the attributes every item carries besides its model's ({@value
 * #VERSION_ATTRIBUTE}, {@value #TIMESTAMP_ATTRIBUTE}, and {@value #TTL_ATTRIBUTE}, the attribute
 * DynamoDB's time to live reads). This is the one description of the table the library, the Spring
 * Boot starter's table creation and verification, and tests build on.
 *
 * <pre>{@code
 * TableLayout layout = TableLayout.of("PK", "SK");
 * dynamoDbClient.createTable(layout.createTableRequest("app-table"));
 * dynamoDbClient.waiter().waitUntilTableExists(b -> b.tableName("app-table"));
 * dynamoDbClient.updateTimeToLive(layout.timeToLiveRequest("app-table"));
 *
 * boolean fits = layout.matches(dynamoDbClient.describeTable(b -> b.tableName("app-table")).table());
 * }</pre>
 *
 * <p>Secondary indexes ({@link SecondaryIndex}) are part of the layout: CreateTable creates them
 * and {@link #matches} checks them. Instances are immutable and compare by their key names and
 * their indexes' shapes.
 */
public final class TableLayout {
  /** The default partition key attribute name (the Python library's v1 default). */
  public static final String DEFAULT_PARTITION_KEY = "_table_item_id";

  /** The default sort key attribute name (the Python library's v1 default). */
  public static final String DEFAULT_SORT_KEY = "_table_content_id";

  /** The attribute holding an item's version, counted up by every update. */
  public static final String VERSION_ATTRIBUTE = "_object_version";

  /** The attribute holding the instant an item was last written (ISO-8601). */
  public static final String TIMESTAMP_ATTRIBUTE = "_timestamp";

  /** The attribute holding an item's expiry in epoch seconds, read by DynamoDB's time to live. */
  public static final String TTL_ATTRIBUTE = "_ttl";

  /**
   * The attribute holding the id of the last conditional or non-idempotent write (a kind letter and
   * 128 random bits), by which a call whose response was lost tells its own write from another's.
   */
  public static final String WRITE_ID_ATTRIBUTE = "_write_id";

  /** The type of both key attributes: the keys are composed strings. */
  public static final ScalarAttributeType KEY_TYPE = ScalarAttributeType.S;

  private static final TableLayout DEFAULTS =
      new TableLayout(DEFAULT_PARTITION_KEY, DEFAULT_SORT_KEY);

  private final String partitionKey;
  private final String sortKey;
  private final List<SecondaryIndex> indexes;

  private TableLayout(String partitionKey, String sortKey) {
    this(partitionKey, sortKey, List.of());
  }

  private TableLayout(String partitionKey, String sortKey, List<SecondaryIndex> indexes) {
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
    this.indexes = List.copyOf(indexes);
  }

  /**
   * The layout with the default key names, {@value #DEFAULT_PARTITION_KEY} and {@value
   * #DEFAULT_SORT_KEY}.
   *
   * <pre>{@code
   * CreateTableRequest request = TableLayout.defaults().createTableRequest("app-table");
   * }</pre>
   *
   * @return the default layout
   */
  public static TableLayout defaults() {
    return DEFAULTS;
  }

  /**
   * The layout with these key attribute names.
   *
   * <pre>{@code
   * TableLayout layout = TableLayout.of("PK", "SK");
   * }</pre>
   *
   * @param partitionKey the partition (hash) key attribute name
   * @param sortKey the sort (range) key attribute name
   * @return the layout
   * @throws InvalidCommandException when a name is blank, the two are equal, or one is a reserved
   *     attribute name
   */
  public static TableLayout of(String partitionKey, String sortKey) {
    check(partitionKey, "partitionKey");
    check(sortKey, "sortKey");
    if (partitionKey.equals(sortKey)) {
      throw new InvalidCommandException(
          "partitionKey and sortKey are both '"
              + partitionKey
              + "'; the table needs two different key attributes");
    }
    return DEFAULTS.partitionKey.equals(partitionKey) && DEFAULTS.sortKey.equals(sortKey)
        ? DEFAULTS
        : new TableLayout(partitionKey, sortKey);
  }

  private static void check(@Nullable String name, String setting) {
    if (name == null || name.isBlank()) {
      throw new InvalidCommandException(setting + " is blank; name the table's key attribute");
    }
    if (internalAttributes().contains(name)) {
      throw new InvalidCommandException(
          setting
              + " '"
              + name
              + "' is an attribute the repository keeps for itself; name the key attribute"
              + " otherwise");
    }
  }

  /**
   * The attributes the repository keeps on items besides their keys and their model's properties.
   *
   * @return {@value #VERSION_ATTRIBUTE}, {@value #TIMESTAMP_ATTRIBUTE}, {@value #TTL_ATTRIBUTE} and
   *     {@value #WRITE_ID_ATTRIBUTE}
   */
  public static Set<String> internalAttributes() {
    return Set.of(VERSION_ATTRIBUTE, TIMESTAMP_ATTRIBUTE, TTL_ATTRIBUTE, WRITE_ID_ATTRIBUTE);
  }

  /**
   * The partition (hash) key attribute name.
   *
   * @return the name
   */
  public String partitionKey() {
    return partitionKey;
  }

  /**
   * The sort (range) key attribute name.
   *
   * @return the name
   */
  public String sortKey() {
    return sortKey;
  }

  /**
   * The attribute names a model's properties must not use: the two keys and the internal
   * attributes.
   *
   * <pre>{@code
   * TableLayout.of("PK", "SK").reservedAttributes();
   * // PK, SK, _object_version, _timestamp, _ttl, _write_id
   * }</pre>
   *
   * @return the names, keys first
   */
  public Set<String> reservedAttributes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(partitionKey);
    names.add(sortKey);
    names.add(VERSION_ATTRIBUTE);
    names.add(TIMESTAMP_ATTRIBUTE);
    names.add(TTL_ATTRIBUTE);
    names.add(WRITE_ID_ATTRIBUTE);
    for (SecondaryIndex index : indexes) {
      if (index.partitionKey() != null) {
        names.add(index.partitionKey());
      }
      names.add(index.sortKey());
    }
    return Set.copyOf(names);
  }

  /**
   * The key schema: the partition key as HASH, the sort key as RANGE.
   *
   * @return the two elements
   */
  public List<KeySchemaElement> keySchema() {
    return List.of(
        KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
  }

  /**
   * The definitions of the key attributes, the table's and its indexes', all of type {@link
   * #KEY_TYPE}.
   *
   * @return the definitions, the table's two first
   */
  public List<AttributeDefinition> attributeDefinitions() {
    Set<String> names = new LinkedHashSet<>();
    names.add(partitionKey);
    names.add(sortKey);
    for (SecondaryIndex index : indexes) {
      if (index.partitionKey() != null) {
        names.add(index.partitionKey());
      }
      names.add(index.sortKey());
    }
    return names.stream().map(TableLayout::definition).toList();
  }

  private static AttributeDefinition definition(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(KEY_TYPE).build();
  }

  /**
   * A request that creates a table of this layout with on-demand billing. DynamoDB creates it
   * asynchronously: wait until it is {@code ACTIVE} before using it, then enable time to live with
   * {@link #timeToLiveRequest(String)}.
   *
   * <pre>{@code
   * client.createTable(layout.createTableRequest("app-table"));
   * }</pre>
   *
   * @param tableName the table name
   * @return the request
   */
  public CreateTableRequest createTableRequest(String tableName) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(Objects.requireNonNull(tableName, "tableName"))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributeDefinitions())
            .keySchema(keySchema());
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    for (SecondaryIndex index : indexes) {
      Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
      if (index.isLocal()) {
        locals.add(
            LocalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(indexKeySchema(index))
                .projection(all)
                .build());
      } else {
        globals.add(
            GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(indexKeySchema(index))
                .projection(all)
                .build());
      }
    }
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals);
    }
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals);
    }
    return request.build();
  }

  /**
   * A request that enables time to live on {@value #TTL_ATTRIBUTE}, so DynamoDB deletes items whose
   * expiry has passed (some engines for local use do not support it).
   *
   * <pre>{@code
   * client.updateTimeToLive(layout.timeToLiveRequest("app-table"));
   * }</pre>
   *
   * @param tableName the table name
   * @return the request
   */
  public UpdateTimeToLiveRequest timeToLiveRequest(String tableName) {
    return UpdateTimeToLiveRequest.builder()
        .tableName(Objects.requireNonNull(tableName, "tableName"))
        .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true))
        .build();
  }

  /**
   * Whether a described table has this layout's keys: the partition key as HASH and the sort key as
   * RANGE, both of type {@link #KEY_TYPE}, and no other key attribute; and this layout's secondary
   * indexes (see {@link #indexProblems}).
   *
   * <pre>{@code
   * layout.matches(client.describeTable(b -> b.tableName("app-table")).table());
   * }</pre>
   *
   * @param table the description, from DescribeTable
   * @return true when repositories of this layout can use the table
   */
  public boolean matches(TableDescription table) {
    return keySchema().equals(normalized(table.keySchema()))
        && KEY_TYPE.equals(typeOf(table, partitionKey).orElse(null))
        && KEY_TYPE.equals(typeOf(table, sortKey).orElse(null))
        && indexProblems(table).isEmpty();
  }

  /**
   * What a described table lacks of this layout's indexes: each declared index must exist, global
   * or local as declared, with its key attributes (typed {@link #KEY_TYPE}). Other indexes of the
   * table are no concern.
   *
   * <pre>{@code
   * List<String> problems = layout.indexProblems(description); // ["global index by-name is missing"]
   * }</pre>
   *
   * @param table the description, from DescribeTable
   * @return one sentence per problem; empty when every declared index is there
   */
  public List<String> indexProblems(TableDescription table) {
    List<String> problems = new ArrayList<>();
    for (SecondaryIndex index : indexes) {
      List<KeySchemaElement> actual = null;
      boolean otherKind = false;
      for (GlobalSecondaryIndexDescription global : table.globalSecondaryIndexes()) {
        if (global.indexName().equals(index.name())) {
          actual = global.keySchema();
          otherKind = index.isLocal();
        }
      }
      for (LocalSecondaryIndexDescription local : table.localSecondaryIndexes()) {
        if (local.indexName().equals(index.name())) {
          actual = local.keySchema();
          otherKind = !index.isLocal();
        }
      }
      String kind = index.isLocal() ? "local" : "global";
      if (actual == null) {
        problems.add(kind + " index " + index.name() + " is missing");
      } else if (otherKind) {
        problems.add(
            "index "
                + index.name()
                + " is "
                + (index.isLocal() ? "global" : "local")
                + ", not "
                + kind);
      } else if (!indexKeySchema(index).equals(normalized(actual))
          || !KEY_TYPE.equals(typeOf(table, index.sortKey()).orElse(null))
          || (index.partitionKey() != null
              && !KEY_TYPE.equals(typeOf(table, index.partitionKey()).orElse(null)))) {
        problems.add(
            kind
                + " index "
                + index.name()
                + " has keys "
                + actual.stream()
                    .map(e -> e.attributeName() + " (" + e.keyTypeAsString() + ")")
                    .toList()
                + ", not "
                + index.describeShape());
      }
    }
    return problems;
  }

  /**
   * This layout with more secondary indexes (those it has stay; an index of the same name must have
   * the same shape). Used by the starter to give a table the indexes its entities declare.
   *
   * <pre>{@code
   * TableLayout layout = TableLayout.of("PK", "SK").withIndexes(SecondaryIndex.declaredOn(ActorReview.class));
   * }</pre>
   *
   * @param added the indexes
   * @return the layout with them
   * @throws InvalidCommandException when an index clashes with one of the same name, or uses a key
   *     attribute of the table
   */
  public TableLayout withIndexes(Collection<SecondaryIndex> added) {
    List<SecondaryIndex> all = new ArrayList<>(indexes);
    for (SecondaryIndex index : added) {
      if (partitionKey.equals(index.partitionKey())
          || partitionKey.equals(index.sortKey())
          || sortKey.equals(index.partitionKey())
          || sortKey.equals(index.sortKey())) {
        throw new InvalidCommandException(
            index.describeShape()
                + " uses a key attribute of the table ("
                + partitionKey
                + ", "
                + sortKey
                + "); give the index attributes of its own");
      }
      SecondaryIndex same =
          all.stream().filter(i -> i.name().equals(index.name())).findFirst().orElse(null);
      if (same == null) {
        all.add(index);
      } else if (!same.sameShapeAs(index)) {
        throw new InvalidCommandException(
            "two indexes named "
                + index.name()
                + " differ: "
                + same.describeShape()
                + " and "
                + index.describeShape()
                + "; one table has one index of a name, give both the same keys");
      }
    }
    return all.size() == indexes.size() ? this : new TableLayout(partitionKey, sortKey, all);
  }

  /**
   * The secondary indexes of this layout.
   *
   * @return the indexes, in the order they were added
   */
  public List<SecondaryIndex> indexes() {
    return indexes;
  }

  /**
   * Whether another layout has the same table keys (its indexes aside).
   *
   * <pre>{@code
   * boolean sameTable = TableLayout.of("PK", "SK").sameKeys(layout);
   * }</pre>
   *
   * @param other the other layout
   * @return true when both name the same partition and sort key
   */
  public boolean sameKeys(TableLayout other) {
    return partitionKey.equals(other.partitionKey) && sortKey.equals(other.sortKey);
  }

  private List<KeySchemaElement> indexKeySchema(SecondaryIndex index) {
    String hash = index.partitionKey() == null ? partitionKey : index.partitionKey();
    return List.of(
        KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(index.sortKey()).keyType(KeyType.RANGE).build());
  }

  /**
   * Describes a table's keys as {@link #toString()} describes a layout's, for messages: {@code
   * partition key PK (S), sort key SK (S)}; a missing sort key reads {@code no sort key}.
   *
   * <pre>{@code
   * String actual = TableLayout.describeKeys(description); // "partition key id (S), no sort key"
   * }</pre>
   *
   * @param table the description, from DescribeTable
   * @return the description of its key attributes
   */
  public static String describeKeys(TableDescription table) {
    String hash = null;
    String range = null;
    for (KeySchemaElement element : table.keySchema()) {
      String described =
          element.attributeName()
              + " ("
              + typeOf(table, element.attributeName()).map(Object::toString).orElse("?")
              + ")";
      if (element.keyType() == KeyType.HASH) {
        hash = described;
      } else if (element.keyType() == KeyType.RANGE) {
        range = described;
      }
    }
    return (hash == null ? "no partition key" : "partition key " + hash)
        + ", "
        + (range == null ? "no sort key" : "sort key " + range);
  }

  private static List<KeySchemaElement> normalized(List<KeySchemaElement> keySchema) {
    return keySchema.stream()
        .map(
            e ->
                KeySchemaElement.builder()
                    .attributeName(e.attributeName())
                    .keyType(e.keyType())
                    .build())
        .sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
        .toList();
  }

  private static Optional<ScalarAttributeType> typeOf(TableDescription table, String attribute) {
    return table.attributeDefinitions().stream()
        .filter(definition -> attribute.equals(definition.attributeName()))
        .map(AttributeDefinition::attributeType)
        .findFirst();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TableLayout that
        && sameKeys(that)
        && indexes.size() == that.indexes.size()
        && indexes.stream().allMatch(index -> that.indexes.stream().anyMatch(index::sameShapeAs));
  }

  @Override
  public int hashCode() {
    return Objects.hash(partitionKey, sortKey, indexes.size());
  }

  /**
   * The layout's keys, as in messages: {@code partition key PK (S), sort key SK (S)}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "partition key "
        + partitionKey
        + " ("
        + KEY_TYPE
        + "), sort key "
        + sortKey
        + " ("
        + KEY_TYPE
        + ")";
  }
}
