package io.github.pydanticdynamo.internal.item;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.internal.mapping.ModelSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One repository's secondary indexes: their key attributes, written with every whole item. */
public final class IndexKeys {
  private final Map<String, IndexKeyCodec> byName = new LinkedHashMap<>();
  private final String table;
  private final Set<String> sources = new HashSet<>();

  IndexKeys(RepositorySettings settings, ModelSchema schema) {
    this.table = settings.tableName();
    for (SecondaryIndex index : settings.indexes()) {
      byName.put(index.name(), new IndexKeyCodec(index, settings, schema));
      sources.addAll(index.partitionIds());
      sources.addAll(index.contentIds());
    }
  }

  /** The model's attributes the index keys are made of. */
  Set<String> sources() {
    return sources;
  }

  /**
   * Checks the index key attributes of an item whose index {@link #sources()} are {@code
   * attributes} (what {@link #addTo} would add) and returns an upper bound of their stored size.
   *
   * @throws io.github.pydanticdynamo.InvalidKeyException when a key would be too long
   */
  long checkedSizeBound(Map<String, AttributeValue> attributes) {
    long size = 0;
    for (IndexKeyCodec codec : byName.values()) {
      size += codec.checkedSizeBound(attributes);
    }
    return size;
  }

  /** The attribute names the indexes' keys use, which the model may not use. */
  static Set<String> attributeNames(RepositorySettings settings) {
    Set<String> names = new HashSet<>();
    for (SecondaryIndex index : settings.indexes()) {
      if (index.partitionKey() != null) {
        names.add(index.partitionKey());
      }
      names.add(index.sortKey());
    }
    return names;
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public List<IndexKeyCodec> all() {
    return new ArrayList<>(byName.values());
  }

  /** The index of this name, or a message naming the ones there are. */
  public IndexKeyCodec get(String name) {
    IndexKeyCodec codec = byName.get(name);
    if (codec == null) {
      throw new InvalidCommandException(
          "no index '"
              + name
              + "' is declared for this repository (table "
              + table
              + "); its indexes are "
              + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
              + ". Declare it with @DynamoIndex on the model or index(...) on the builder");
    }
    return codec;
  }

  /** Adds every index's key attributes to a whole item. */
  void addTo(Map<String, AttributeValue> item) {
    for (IndexKeyCodec codec : byName.values()) {
      codec.addTo(item);
    }
  }
}
