package io.github.pydanticdynamo.internal.item;

import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.mapping.ModelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Composes one secondary index's key values from a model's own values, as {@link KeyCodec} composes
 * the table's from ids: {@code prefix#partitionName#values…} and {@code contentType#values…}.
 */
public final class IndexKeyCodec {
  private static final Set<AttributePath.Kind> SCALARS =
      Set.of(
          AttributePath.Kind.STRING,
          AttributePath.Kind.INTEGRAL,
          AttributePath.Kind.DECIMAL,
          AttributePath.Kind.BOOLEAN);

  private final SecondaryIndex index;
  private final KeyCodec keys;

  /** The codec of one index; its source properties are checked against the model here. */
  IndexKeyCodec(SecondaryIndex index, RepositorySettings settings, ModelSchema schema) {
    this.index = index;
    String partitionName =
        index.partitionName() == null ? settings.partitionName() : index.partitionName();
    this.keys = new KeyCodec(settings.partitionPrefix(), partitionName, settings.contentType());
    List<String> sources = new ArrayList<>(index.partitionIds());
    sources.addAll(index.contentIds());
    for (String source : sources) {
      AttributePath path;
      try {
        path = schema.resolve(source);
      } catch (RuntimeException e) {
        throw new InvalidModelException(
            "index '"
                + index.name()
                + "' of "
                + settings.modelType().getSimpleName()
                + " names '"
                + source
                + "', which is not one of its properties: "
                + e.getMessage(),
            e);
      }
      if (path.segments().size() != 1 || !SCALARS.contains(path.kind())) {
        throw new InvalidModelException(
            "index '"
                + index.name()
                + "' of "
                + settings.modelType().getSimpleName()
                + " names '"
                + source
                + "', which is "
                + path.kind().name().toLowerCase(java.util.Locale.ROOT)
                + "; index keys are made of top-level string, number or boolean properties"
                + " (a string, an enum, a UUID, a java.time value, a number or a boolean)");
      }
    }
  }

  public SecondaryIndex index() {
    return index;
  }

  /** The index partition key value of a global index for these values. */
  public String partitionKey(List<String> values) {
    return keys.partitionKey(values);
  }

  /** The index sort key value for these values. */
  public String sortKey(List<String> values) {
    return keys.sortKey(values);
  }

  /** The sort key prefix every item of this type starts with in the index. */
  public String sortHead() {
    return keys.sortHead();
  }

  /**
   * Adds the index key attributes to a whole item; a key with a missing or NULL source is left out
   * (the item is then not in the index).
   */
  void addTo(Map<String, AttributeValue> item) {
    if (index.partitionKey() != null) {
      List<String> values = texts(item, index.partitionIds());
      if (values != null) {
        item.put(index.partitionKey(), AttributeValue.fromS(partitionKey(values)));
      }
    }
    List<String> values = texts(item, index.contentIds());
    if (values != null) {
      item.put(index.sortKey(), AttributeValue.fromS(sortKey(values)));
    }
  }

  /**
   * Checks the index key attributes {@link #addTo} would add to an item holding {@code sources} (at
   * least the index's source attributes) and returns an upper bound of their stored size, composing
   * a key only when the bound leaves its length in doubt.
   *
   * @throws io.github.pydanticdynamo.InvalidKeyException when a key would be too long
   */
  long checkedSizeBound(Map<String, AttributeValue> sources) {
    long size = 0;
    if (index.partitionKey() != null) {
      size += keyBound(true, index.partitionKey(), index.partitionIds(), sources);
    }
    return size + keyBound(false, index.sortKey(), index.contentIds(), sources);
  }

  private long keyBound(
      boolean partition, String name, List<String> ids, Map<String, AttributeValue> sources) {
    long chars = 0;
    for (String source : ids) {
      String text = text(sources.get(source));
      if (text == null) {
        return 0; // not in the index
      }
      chars += text.length();
    }
    long bytes = keys.keyBytesBound(partition, chars, ids.size());
    if (bytes > KeyCodec.maxKeyBytes(partition)) {
      List<String> values = texts(sources, ids); // composed to count exactly, or to be refused
      bytes = (partition ? partitionKey(values) : sortKey(values)).length() * 3L;
    }
    return 3L * name.length() + bytes;
  }

  private static @Nullable List<String> texts(
      Map<String, AttributeValue> item, List<String> sources) {
    List<String> values = new ArrayList<>(sources.size());
    for (String source : sources) {
      String text = text(item.get(source));
      if (text == null) {
        return null;
      }
      values.add(text);
    }
    return values;
  }

  /** The key text of a stored scalar, or null when it is missing or NULL. */
  public static @Nullable String text(@Nullable AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    if (value.s() != null) {
      return value.s();
    }
    if (value.n() != null) {
      return value.n();
    }
    return value.bool() != null ? value.bool().toString() : null;
  }
}
