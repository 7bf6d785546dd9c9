package io.github.pydanticdynamo.internal.item;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.ItemMappingException;
import io.github.pydanticdynamo.ItemTooLargeException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import io.github.pydanticdynamo.internal.mapping.TimeText;
import io.github.pydanticdynamo.internal.mapping.UnstorableValueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One repository's content ⇄ whole stored item: keys, reserved attributes, checks and expiry. */
public final class ItemCodec<T> {
  /** The reserved attribute holding the item's version. */
  public static final String VERSION = "_object_version";

  /**
   * The reserved attribute holding the time of the last write, in microseconds as the Python
   * library writes it ({@code 2026-12-04T15:48:22.098496+00:00}).
   */
  public static final String TIMESTAMP = "_timestamp";

  /** The reserved attribute holding the expiry in epoch seconds (the table's TTL attribute). */
  public static final String TTL = "_ttl";

  /** The reserved attribute holding the id of the last conditional or non-idempotent write. */
  public static final String WRITE_ID = "_write_id";

  private final RepositorySettings settings;
  private final ItemMapper<T> mapper;
  private final KeyCodec keys;
  private final @Nullable BeanValidation validation;
  private final Clock clock;
  private final String pkName;
  private final String skName;
  private final IndexKeys indexKeys;
  private final @Nullable ObjectMapper objectMapper;
  private final ItemMapper<?> filterMapper;
  private final @Nullable ReadProjection projection;

  /** The partition key decoded last: the items of a query page all share it. */
  private record DecodedPartition(String key, List<String> ids) {}

  // Immutable and final-field published, so a racy read sees a whole one or an older one.
  private @Nullable DecodedPartition lastPartition;

  /**
   * A codec for one repository.
   *
   * @param validator a {@code jakarta.validation.Validator}, or null for no bean validation
   */
  public ItemCodec(
      Class<T> type,
      RepositorySettings settings,
      @Nullable ObjectMapper objectMapper,
      @Nullable Object validator,
      Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.pkName = settings.partitionKey();
    this.skName = settings.sortKey();
    Set<String> reserved = new HashSet<>(IndexKeys.attributeNames(settings));
    reserved.addAll(Set.of(TIMESTAMP, VERSION, TTL, WRITE_ID, pkName, skName));
    this.mapper =
        ItemMapper.create(type, objectMapper, Set.copyOf(reserved), settings.storageFormat());
    this.indexKeys = new IndexKeys(settings, mapper.schema());
    this.keys =
        new KeyCodec(
            settings.partitionPrefix(),
            settings.partitionName(),
            settings.contentType(),
            settings.storageFormat());
    this.validation = validator == null ? null : new BeanValidation(validator);
    this.objectMapper = objectMapper;
    this.filterMapper = mapper;
    this.projection = null;
  }

  /** A read-only codec of a projection of {@code entity}'s items into {@code mapper}'s type. */
  private ItemCodec(ItemCodec<?> entity, ItemMapper<T> mapper, ReadProjection projection) {
    this.settings = entity.settings;
    this.clock = entity.clock;
    this.pkName = entity.pkName;
    this.skName = entity.skName;
    this.keys = entity.keys;
    this.indexKeys = entity.indexKeys;
    this.validation = null;
    this.objectMapper = entity.objectMapper;
    this.mapper = mapper;
    this.filterMapper = entity.mapper;
    this.projection = projection;
  }

  /**
   * The codec that reads this codec's items into {@code type}, asking DynamoDB only for its
   * attributes (and the keys and bookkeeping); every property of {@code type} must be one of this
   * model's with a compatible type. Filters stay checked against this model.
   */
  public <P> ItemCodec<P> projection(Class<P> type) {
    ItemMapper<P> projected =
        ItemMapper.create(type, objectMapper, reservedNames(), settings.storageFormat());
    List<String> attributes = new ArrayList<>(projected.schema().topLevelNames());
    for (String name : attributes) {
      ProjectionCheck.check(name, projected.schema(), mapper.schema(), type, settings);
    }
    Set<String> read = new LinkedHashSet<>(attributes);
    read.add(pkName);
    read.add(skName);
    read.add(VERSION);
    read.add(TTL);
    read.addAll(IndexKeys.attributeNames(settings));
    return new ItemCodec<>(this, projected, ReadProjection.of(read));
  }

  private Set<String> reservedNames() {
    Set<String> reserved = new HashSet<>(IndexKeys.attributeNames(settings));
    reserved.addAll(Set.of(TIMESTAMP, VERSION, TTL, WRITE_ID, pkName, skName));
    return Set.copyOf(reserved);
  }

  /** The model filters and conditions are checked against: the entity's, also for projections. */
  public ItemMapper<?> filterMapper() {
    return filterMapper;
  }

  /** The ProjectionExpression of a projection's reads, or null for whole items. */
  public @Nullable String projectionExpression() {
    return projection == null ? null : projection.expression();
  }

  /** A request's placeholder names, with a projection's added. */
  public Map<String, String> withProjectionNames(Map<String, String> names) {
    return projection == null ? names : projection.withNames(names);
  }

  public ItemMapper<T> mapper() {
    return mapper;
  }

  public KeyCodec keys() {
    return keys;
  }

  public IndexKeys indexKeys() {
    return indexKeys;
  }

  public String partitionKeyName() {
    return pkName;
  }

  public String sortKeyName() {
    return skName;
  }

  public Instant now() {
    return clock.instant();
  }

  // ---- keys ----

  /** The key attributes of {@code key}. */
  public Map<String, AttributeValue> key(ContentKey key) {
    Map<String, AttributeValue> map = new HashMap<>(4);
    map.put(pkName, AttributeValue.fromS(keys.partitionKey(key.partitionIds())));
    map.put(skName, AttributeValue.fromS(keys.sortKey(key.contentIds())));
    return map;
  }

  /**
   * The key attributes of an item about to be created, checked to read back under the same ids.
   *
   * @throws io.github.pydanticdynamo.InvalidKeyException when the storage format cannot keep the
   *     ids apart (in the Python format: an id holding {@code #}, a lone empty id)
   */
  public Map<String, AttributeValue> writeKey(ContentKey key) {
    keys.checkWritable(key);
    return key(key);
  }

  /** The {@code _timestamp} value of a write at {@code now}: microseconds, Python's text. */
  public static AttributeValue timestamp(Instant now) {
    return AttributeValue.fromS(TimeText.instant(now.truncatedTo(ChronoUnit.MICROS)));
  }

  /** The key of a stored item, parsed from its key attributes. */
  public ContentKey keyOf(Map<String, AttributeValue> item) {
    String partitionKey = item.get(pkName).s();
    DecodedPartition last = lastPartition;
    List<String> partitionIds;
    if (last != null && last.key().equals(partitionKey)) {
      partitionIds = last.ids();
    } else {
      partitionIds = keys.partitionIds(partitionKey);
      lastPartition = new DecodedPartition(partitionKey, partitionIds);
    }
    return ContentKey.of(partitionIds, keys.contentIds(item.get(skName).s()));
  }

  /** The key attributes of an item, sharing its values. */
  public Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
    return Map.of(
        pkName, Objects.requireNonNull(item.get(pkName)),
        skName, Objects.requireNonNull(item.get(skName)));
  }

  /** The raw key attributes' string form, for identity in batches. */
  public String identity(Map<String, AttributeValue> key) {
    return key.get(pkName).s() + '\u0000' + key.get(skName).s();
  }

  // ---- content to item ----

  /** Validates a content and builds its full item (keys, model, reserved attributes). */
  public Map<String, AttributeValue> item(PartitionedContent<T> content, Instant now) {
    validate(content);
    return build(content, now, true);
  }

  /**
   * Builds the item of a content this codec checked already ({@link #check} or {@link #item} in a
   * batch's first pass): the same item, without validating it or counting its size again.
   */
  public Map<String, AttributeValue> checkedItem(PartitionedContent<T> content, Instant now) {
    return build(content, now, false);
  }

  /**
   * Checks a content as {@link #item} does (validation, values, keys, size): it throws what {@code
   * item} would throw. Where the model's compiled plan can vouch for its values without writing
   * them, the item is not built (a batch's first pass costs a fraction of a write) and this returns
   * null; otherwise checking it meant building it, and this returns the item.
   */
  public @Nullable Map<String, AttributeValue> check(PartitionedContent<T> content, Instant now) {
    validate(content);
    T model = content.item();
    long bound = mapper.checkedSize(model);
    Map<String, AttributeValue> sources = null;
    if (bound >= 0 && !indexKeys.isEmpty()) {
      sources = mapper.someAttributes(model, indexKeys.sources());
    }
    if (bound < 0 || (sources == null && !indexKeys.isEmpty())) {
      return build(content, now, true); // only writing it can tell
    }
    ContentKey key = content.key();
    keys.checkWritable(key);
    bound +=
        3L
                * (pkName.length()
                    + keys.partitionKey(key.partitionIds()).length()
                    + skName.length()
                    + keys.sortKey(key.contentIds()).length())
            + RESERVED_BOUND;
    if (sources != null) {
      bound += indexKeys.checkedSizeBound(sources);
    }
    if (bound > AttributeSize.MAX_ITEM_BYTES) {
      return build(content, now, true); // the exact count decides, and names the size
    }
    return null;
  }

  /**
   * The most the reserved attributes of a put count: the version and expiry (numbers) and the write
   * time (a text of at most 64 ASCII characters).
   */
  private static final long RESERVED_BOUND =
      VERSION.length() + TTL.length() + TIMESTAMP.length() + 2 * 21 + 64;

  private Map<String, AttributeValue> build(
      PartitionedContent<T> content, Instant now, boolean check) {
    ContentKey key = content.key();
    Map<String, AttributeValue> attributes;
    try {
      attributes = mapper.toAttributes(content.item());
    } catch (UnstorableValueException e) {
      throw new InvalidItemException(key, List.of(e.getMessage()));
    } catch (IllegalArgumentException e) { // Jackson could not write it: a cycle, a serializer
      throw new InvalidItemException(key, List.of(String.valueOf(e.getMessage())));
    }
    Map<String, AttributeValue> item = attributes; // a fresh, mutable map: no copy needed
    item.putAll(writeKey(key));
    item.put(VERSION, AttributeValue.fromN(Long.toString(content.currentVersion())));
    item.put(TIMESTAMP, timestamp(now));
    if (content.expiry() != null) {
      item.put(TTL, AttributeValue.fromN(Long.toString(content.expiry().getEpochSecond())));
    }
    indexKeys.addTo(item);
    long size;
    if (check
        && AttributeSize.itemSizeBound(item) > AttributeSize.MAX_ITEM_BYTES // cheap, mostly enough
        && (size = AttributeSize.itemSize(item)) > AttributeSize.MAX_ITEM_BYTES) {
      throw new ItemTooLargeException(
          "item "
              + key
              + " is "
              + size
              + " bytes; DynamoDB allows "
              + AttributeSize.MAX_ITEM_BYTES
              + " (400 KB) per item. Store large values elsewhere (for example S3) and keep a"
              + " reference.");
    }
    return item;
  }

  private void validate(PartitionedContent<T> content) {
    if (validation != null) {
      List<String> violations = validation.violations(content.item());
      if (!violations.isEmpty()) {
        throw new InvalidItemException(content.key(), violations);
      }
    }
  }

  // ---- item to content ----

  /** Reads a stored item; null when it is expired and expired items are hidden. */
  public @Nullable PartitionedContent<T> read(Map<String, AttributeValue> item) {
    ContentKey key;
    try {
      key = keyOf(item);
    } catch (RuntimeException e) {
      throw new ItemMappingException(
          "a stored item's keys ("
              + pkName
              + ", "
              + skName
              + ") do not belong to this repository: "
              + e.getMessage(),
          e);
    }
    Instant expiry = null;
    AttributeValue ttl = item.get(TTL);
    if (ttl != null && ttl.n() != null) {
      long seconds = new BigDecimal(ttl.n()).longValue();
      if (seconds != 0) {
        expiry = Instant.ofEpochSecond(seconds);
        if (settings.hideExpired() && !expiry.isAfter(now())) {
          return null;
        }
      }
    }
    T model;
    try {
      model = mapper.fromAttributes(item);
    } catch (RuntimeException e) {
      throw new ItemMappingException(
          "the stored item "
              + key
              + " does not fit "
              + settings.modelType().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
    return new PartitionedContent<>(
        key.partitionIds(), key.contentIds(), model, version(item), expiry);
  }

  /** The stored version; a missing or zero version counts as 1. */
  public static long version(@Nullable Map<String, AttributeValue> item) {
    AttributeValue version = item == null ? null : item.get(VERSION);
    if (version == null || version.n() == null) {
      return 1;
    }
    long value = new BigDecimal(version.n()).longValue();
    return value == 0 ? 1 : value;
  }
}
