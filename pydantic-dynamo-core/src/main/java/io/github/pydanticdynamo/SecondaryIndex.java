package io.github.pydanticdynamo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of a repository's table, and how one model's values make its keys. A global
 * index has a partition key of its own, {@code prefix#partitionName#v1#v2…} from the {@link
 * #partitionIds()} properties' values, and a sort key {@code contentType#w1#w2…} from the {@link
 * #contentIds()} properties' values; a local index keeps the table's partition key (the item's
 * partition ids) and has only the sort key. Values are escaped like ids ({@code %}→{@code %25},
 * {@code #}→{@code %23}); a number is its DynamoDB text ({@code 42}, {@code 4.5}: it sorts as
 * text), a boolean {@code true} or {@code false}, anything else its stored string (an {@code
 * Instant} its ISO text, an enum its name). A key whose source value is null is not written, so the
 * item is not in the index (a sparse index). Both key attributes are strings; the index projects
 * all attributes.
 *
 * <pre>{@code
 * SecondaryIndex byReviewer = SecondaryIndex.global("by-reviewer")
 *     .partitionIds("reviewer")
 *     .contentIds("created")
 *     .build();
 * DynamoRepository<ActorReview> reviews = DynamoRepository.builder(ActorReview.class)
 *     .client(client).tableName("app-table").partitionPrefix("films")
 *     .index(byReviewer)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and compare by value.
 */
public final class SecondaryIndex {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private final String name;
  private final boolean local;
  private final @Nullable String partitionKey;
  private final String sortKey;
  private final @Nullable String partitionName;
  private final List<String> partitionIds;
  private final List<String> contentIds;

  private SecondaryIndex(Builder builder) {
    this.name = builder.name;
    this.local = builder.local;
    this.partitionIds = List.copyOf(builder.partitionIds);
    this.contentIds = List.copyOf(builder.contentIds);
    if (local) {
      if (!partitionIds.isEmpty()
          || builder.partitionName != null
          || builder.partitionKey != null) {
        throw new InvalidCommandException(
            "local index '"
                + name
                + "' has partition "
                + (!partitionIds.isEmpty()
                    ? "ids " + partitionIds
                    : builder.partitionName != null ? "name" : "key")
                + ", but a local index shares the table's partition key (the item's partition"
                + " ids); declare only its contentIds, or make it global");
      }
      this.partitionKey = null;
      this.partitionName = null;
    } else {
      this.partitionKey =
          attribute(
              builder.partitionKey != null ? builder.partitionKey : "_" + name + "_item_id",
              "partitionKey");
      this.partitionName =
          keyPart(builder.partitionName != null ? builder.partitionName : name, "partitionName");
    }
    this.sortKey =
        attribute(
            builder.sortKey != null ? builder.sortKey : "_" + name + "_content_id", "sortKey");
    if (sortKey.equals(partitionKey)) {
      throw new InvalidCommandException(
          "index '"
              + name
              + "' has partitionKey and sortKey both '"
              + sortKey
              + "'; name two different attributes");
    }
    checkProperties(partitionIds, "partitionIds");
    checkProperties(contentIds, "contentIds");
  }

  /**
   * Starts a global secondary index: a partition key and a sort key of its own.
   *
   * <pre>{@code
   * SecondaryIndex byName = SecondaryIndex.global("by-name").partitionIds("name").build();
   * }</pre>
   *
   * @param name the index name (3 to 255 of {@code a-z A-Z 0-9 _ - .})
   * @return a builder
   */
  public static Builder global(String name) {
    return new Builder(name, false);
  }

  /**
   * Starts a local secondary index: the table's partition key and a sort key of its own.
   *
   * <pre>{@code
   * SecondaryIndex byRating = SecondaryIndex.local("by-rating").contentIds("rating", "id").build();
   * }</pre>
   *
   * @param name the index name (3 to 255 of {@code a-z A-Z 0-9 _ - .})
   * @return a builder
   */
  public static Builder local(String name) {
    return new Builder(name, true);
  }

  /**
   * The index an annotation declares.
   *
   * <pre>{@code
   * SecondaryIndex index = SecondaryIndex.of(ActorReview.class.getAnnotation(DynamoIndex.class));
   * }</pre>
   *
   * @param annotation the annotation
   * @return the index
   * @throws InvalidCommandException when the annotation is not a valid index
   */
  public static SecondaryIndex of(DynamoIndex annotation) {
    Builder builder =
        new Builder(annotation.name(), annotation.local())
            .partitionIds(annotation.partitionIds())
            .contentIds(annotation.contentIds());
    if (!annotation.partitionName().isBlank()) {
      builder.partitionName(annotation.partitionName());
    }
    if (!annotation.partitionKey().isBlank()) {
      builder.partitionKey(annotation.partitionKey());
    }
    if (!annotation.sortKey().isBlank()) {
      builder.sortKey(annotation.sortKey());
    }
    return builder.build();
  }

  /**
   * The indexes declared on a type with {@link DynamoIndex}, in declaration order.
   *
   * <pre>{@code
   * List<SecondaryIndex> indexes = SecondaryIndex.declaredOn(ActorReview.class);
   * }</pre>
   *
   * @param type the model type
   * @return the indexes (empty when there are none)
   * @throws InvalidCommandException when one is not valid or two share a name
   */
  public static List<SecondaryIndex> declaredOn(Class<?> type) {
    List<SecondaryIndex> indexes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (DynamoIndex annotation : type.getAnnotationsByType(DynamoIndex.class)) {
      SecondaryIndex index = of(annotation);
      if (!names.add(index.name())) {
        throw new InvalidCommandException(
            type.getSimpleName()
                + " declares index '"
                + index.name()
                + "' twice; give each @DynamoIndex its own name");
      }
      indexes.add(index);
    }
    return List.copyOf(indexes);
  }

  /**
   * The index name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Whether this is a local secondary index.
   *
   * @return true for a local index, false for a global one
   */
  public boolean isLocal() {
    return local;
  }

  /**
   * The attribute holding a global index's partition key.
   *
   * @return the attribute name, or {@code null} for a local index (it uses the table's)
   */
  public @Nullable String partitionKey() {
    return partitionKey;
  }

  /**
   * The attribute holding the index sort key.
   *
   * @return the attribute name
   */
  public String sortKey() {
    return sortKey;
  }

  /**
   * The part of a global index's partition key after the prefix.
   *
   * @return the partition name, or {@code null} for a local index
   */
  public @Nullable String partitionName() {
    return partitionName;
  }

  /**
   * The properties whose values are the index partition ids (empty for a local index).
   *
   * @return the property names, in key order
   */
  public List<String> partitionIds() {
    return partitionIds;
  }

  /**
   * The properties whose values are the index content ids.
   *
   * @return the property names, in key order
   */
  public List<String> contentIds() {
    return contentIds;
  }

  /**
   * Whether another index has the same shape in the table: the same name, kind and key attributes
   * (what CreateTable and DescribeTable know of it; entity types sharing an index may compose its
   * keys from different properties).
   *
   * <pre>{@code
   * boolean compatible = actorIndex.sameShapeAs(reviewIndex);
   * }</pre>
   *
   * @param other the other index
   * @return true when both describe the same index of a table
   */
  public boolean sameShapeAs(SecondaryIndex other) {
    return name.equals(other.name)
        && local == other.local
        && Objects.equals(partitionKey, other.partitionKey)
        && sortKey.equals(other.sortKey);
  }

  /**
   * The shape for messages: {@code global index by-name (partition key _by-name_item_id, sort key
   * _by-name_content_id)}.
   *
   * @return the description
   */
  public String describeShape() {
    return (local ? "local" : "global")
        + " index "
        + name
        + " ("
        + (local ? "" : "partition key " + partitionKey + ", ")
        + "sort key "
        + sortKey
        + ")";
  }

  private String attribute(String attribute, String setting) {
    if (attribute.isBlank()) {
      throw new InvalidCommandException(
          "index '" + name + "' has a blank " + setting + "; name the attribute");
    }
    if (TableLayout.internalAttributes().contains(attribute)) {
      throw new InvalidCommandException(
          "index '"
              + name
              + "' "
              + setting
              + " '"
              + attribute
              + "' is an attribute the repository keeps for itself; name the key attribute"
              + " otherwise");
    }
    return attribute;
  }

  private String keyPart(String value, String setting) {
    if (value.indexOf('#') >= 0) {
      throw new InvalidCommandException(
          "index '"
              + name
              + "' "
              + setting
              + " '"
              + value
              + "' contains the key separator '#'; choose a name without '#'");
    }
    return value;
  }

  private void checkProperties(List<String> properties, String setting) {
    Set<String> seen = new HashSet<>();
    for (String property : properties) {
      if (property == null || property.isBlank()) {
        throw new InvalidCommandException(
            "index '" + name + "' has a blank property in " + setting + "; name a property");
      }
      if (!seen.add(property)) {
        throw new InvalidCommandException(
            "index '" + name + "' names '" + property + "' twice in " + setting);
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SecondaryIndex that
        && sameShapeAs(that)
        && Objects.equals(partitionName, that.partitionName)
        && partitionIds.equals(that.partitionIds)
        && contentIds.equals(that.contentIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name, local, partitionKey, sortKey, partitionName, partitionIds, contentIds);
  }

  @Override
  public String toString() {
    return describeShape() + ": partitionIds " + partitionIds + ", contentIds " + contentIds;
  }

  /** Builds a {@link SecondaryIndex}. */
  public static final class Builder {
    private final String name;
    private final boolean local;
    private @Nullable String partitionKey;
    private @Nullable String sortKey;
    private @Nullable String partitionName;
    private List<String> partitionIds = List.of();
    private List<String> contentIds = List.of();

    private Builder(String name, boolean local) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new InvalidCommandException(
            "index name '"
                + name
                + "' is not a DynamoDB index name; use 3 to 255 of a-z A-Z 0-9 _ - .");
      }
      this.name = name;
      this.local = local;
    }

    /**
     * The properties whose values are the index partition ids, in order (global indexes only).
     *
     * @param properties the model's property names
     * @return this builder
     */
    public Builder partitionIds(String... properties) {
      this.partitionIds = Arrays.asList(properties.clone());
      return this;
    }

    /**
     * The properties whose values are the index content ids, in order.
     *
     * @param properties the model's property names
     * @return this builder
     */
    public Builder contentIds(String... properties) {
      this.contentIds = Arrays.asList(properties.clone());
      return this;
    }

    /**
     * The part of the partition key after the prefix (global indexes only); default the index name.
     *
     * @param value the partition name (no {@code #})
     * @return this builder
     */
    public Builder partitionName(String value) {
      this.partitionName = value;
      return this;
    }

    /**
     * The attribute holding the partition key (global indexes only); default {@code
     * _<name>_item_id}.
     *
     * @param attribute the attribute name
     * @return this builder
     */
    public Builder partitionKey(String attribute) {
      this.partitionKey = attribute;
      return this;
    }

    /**
     * The attribute holding the sort key; default {@code _<name>_content_id}.
     *
     * @param attribute the attribute name
     * @return this builder
     */
    public Builder sortKey(String attribute) {
      this.sortKey = attribute;
      return this;
    }

    /**
     * Builds the index.
     *
     * @return the index
     * @throws InvalidCommandException when the settings are not a valid index
     */
    public SecondaryIndex build() {
      return new SecondaryIndex(this);
    }
  }
}
