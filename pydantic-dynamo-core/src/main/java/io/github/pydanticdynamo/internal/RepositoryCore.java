package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.ItemMappingException;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.ItemTooLargeException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.VersionConflictException;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import io.github.pydanticdynamo.internal.mapping.UnstorableValueException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What the sync and async repositories share: the model mapper, the key codec, request building,
 * response reading and error translation. Pure: it sends nothing itself.
 */
final class RepositoryCore<T> {
  static final String TIMESTAMP = UpdateExpressionBuilder.TIMESTAMP;
  static final String VERSION = UpdateExpressionBuilder.VERSION;
  static final String TTL = UpdateExpressionBuilder.TTL;

  private final RepositoryConfig config;
  private final RepositorySettings settings;
  private final ItemMapper<T> mapper;
  private final KeyCodec codec;
  private final @Nullable BeanValidation validation;
  private final String table;
  private final String pkName;
  private final String skName;

  RepositoryCore(Class<T> type, RepositoryConfig config) {
    this.config = config;
    this.settings = config.settings();
    this.table = settings.tableName();
    this.pkName = settings.partitionKey();
    this.skName = settings.sortKey();
    this.mapper =
        ItemMapper.create(
            type, config.objectMapper(), Set.of(TIMESTAMP, VERSION, TTL, pkName, skName));
    this.codec =
        new KeyCodec(settings.partitionPrefix(), settings.partitionName(), settings.contentType());
    this.validation = config.validator() == null ? null : new BeanValidation(config.validator());
  }

  RepositorySettings settings() {
    return settings;
  }

  RepositoryConfig config() {
    return config;
  }

  ItemMapper<T> mapper() {
    return mapper;
  }

  KeyCodec codec() {
    return codec;
  }

  String table() {
    return table;
  }

  String partitionKeyName() {
    return pkName;
  }

  String sortKeyName() {
    return skName;
  }

  Instant now() {
    return config.clock().instant();
  }

  boolean consistent(@Nullable Boolean override) {
    return override != null ? override : settings.consistentReads();
  }

  // ---- keys ----

  Map<String, AttributeValue> key(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return key(ContentKey.of(partitionIds, contentIds));
  }

  Map<String, AttributeValue> key(ContentKey key) {
    Map<String, AttributeValue> map = new HashMap<>(4);
    map.put(pkName, AttributeValue.fromS(codec.partitionKey(key.partitionIds())));
    map.put(skName, AttributeValue.fromS(codec.sortKey(key.contentIds())));
    return map;
  }

  /** The partition key decoded last: the items of a query page all share it. */
  private record DecodedPartition(String key, List<String> ids) {}

  // Immutable and final-field published, so a racy read sees a whole one or an older one.
  private @Nullable DecodedPartition lastPartition;

  /** The key of a stored item, parsed from its key attributes. */
  ContentKey keyOf(Map<String, AttributeValue> item) {
    String partitionKey = item.get(pkName).s();
    DecodedPartition last = lastPartition;
    List<String> partitionIds;
    if (last != null && last.key().equals(partitionKey)) {
      partitionIds = last.ids();
    } else {
      partitionIds = codec.partitionIds(partitionKey);
      lastPartition = new DecodedPartition(partitionKey, partitionIds);
    }
    return ContentKey.of(partitionIds, codec.contentIds(item.get(skName).s()));
  }

  /** The raw key attributes' string form, for identity in batches. */
  String identity(Map<String, AttributeValue> key) {
    return key.get(pkName).s() + '\u0000' + key.get(skName).s();
  }

  // ---- writes ----

  /** Validates a content and builds its full item (keys, model, reserved attributes). */
  Map<String, AttributeValue> item(PartitionedContent<T> content, Instant now) {
    ContentKey key = content.key();
    validate(content);
    Map<String, AttributeValue> attributes;
    try {
      attributes = mapper.toAttributes(content.item());
    } catch (UnstorableValueException e) {
      throw new InvalidItemException(key, List.of(e.getMessage()));
    }
    Map<String, AttributeValue> item = attributes; // a fresh, mutable map: no copy needed
    item.putAll(key(key));
    item.put(VERSION, AttributeValue.fromN(Long.toString(content.currentVersion())));
    item.put(TIMESTAMP, AttributeValue.fromS(now.toString()));
    if (content.expiry() != null) {
      item.put(TTL, AttributeValue.fromN(Long.toString(content.expiry().getEpochSecond())));
    }
    long size = AttributeSize.itemSize(item);
    if (size > AttributeSize.MAX_ITEM_BYTES) {
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

  void validate(PartitionedContent<T> content) {
    if (validation != null) {
      List<String> violations = validation.violations(content.item());
      if (!violations.isEmpty()) {
        throw new InvalidItemException(content.key(), violations);
      }
    }
  }

  PutItemRequest putRequest(PartitionedContent<T> content) {
    return PutItemRequest.builder().tableName(table).item(item(content, now())).build();
  }

  /** A put that fails with ConditionalCheckFailedException when the key is taken. */
  PutItemRequest createRequest(PartitionedContent<T> content) {
    return putRequest(content).toBuilder()
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", pkName))
        .build();
  }

  // ---- reads ----

  GetItemRequest getRequest(Map<String, AttributeValue> key, boolean consistent) {
    return GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent).build();
  }

  /** Reads a stored item; null when it is expired and expired items are hidden. */
  @Nullable PartitionedContent<T> read(Map<String, AttributeValue> item) {
    ContentKey key;
    try {
      key = keyOf(item);
    } catch (RuntimeException e) {
      throw new ItemMappingException(
          "a stored item's keys do not belong to this repository ("
              + pkName
              + "="
              + item.get(pkName)
              + ", "
              + skName
              + "="
              + item.get(skName)
              + "): "
              + e.getMessage(),
          e);
    }
    Instant expiry = null;
    AttributeValue ttl = item.get(TTL);
    if (ttl != null && ttl.n() != null) {
      long seconds = new java.math.BigDecimal(ttl.n()).longValue();
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
  static long version(@Nullable Map<String, AttributeValue> item) {
    AttributeValue version = item == null ? null : item.get(VERSION);
    if (version == null || version.n() == null) {
      return 1;
    }
    long value = new java.math.BigDecimal(version.n()).longValue();
    return value == 0 ? 1 : value;
  }

  // ---- queries ----

  QueryPlan listPlan(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    String pk = codec.partitionKey(ContentKey.of(partitionIds, null).partitionIds());
    String prefix = codec.sortKey(ContentKey.of(null, contentPrefix).contentIds());
    ExpressionContext ctx = new ExpressionContext();
    String condition =
        ctx.name(pkName)
            + " = "
            + ctx.value(AttributeValue.fromS(pk))
            + " AND begins_with("
            + ctx.name(skName)
            + ", "
            + ctx.value(AttributeValue.fromS(prefix))
            + ")";
    return plan(ctx, condition, pk, prefix, null, options);
  }

  QueryPlan betweenPlan(
      @Nullable List<String> partitionIds,
      @Nullable List<String> start,
      @Nullable List<String> end,
      QueryOptions options) {
    List<String> low = ContentKey.of(null, start).contentIds();
    List<String> high = ContentKey.of(null, end).contentIds();
    if (low.equals(high)) {
      return listPlan(partitionIds, low, options);
    }
    String pk = codec.partitionKey(ContentKey.of(partitionIds, null).partitionIds());
    String lowKey = codec.sortKey(low);
    String highKey = codec.sortKey(high);
    if (QueryPlan.compareUtf8(lowKey, highKey) > 0) {
      throw new InvalidCommandException(
          "listBetween start "
              + low
              + " sorts after end "
              + high
              + "; pass the lower bound first (use ascending(false) for descending order)");
    }
    ExpressionContext ctx = new ExpressionContext();
    String condition =
        ctx.name(pkName)
            + " = "
            + ctx.value(AttributeValue.fromS(pk))
            + " AND "
            + ctx.name(skName)
            + " BETWEEN "
            + ctx.value(AttributeValue.fromS(lowKey))
            + " AND "
            + ctx.value(AttributeValue.fromS(highKey));
    return plan(ctx, condition, pk, lowKey, highKey, options);
  }

  private QueryPlan plan(
      ExpressionContext ctx,
      String keyCondition,
      String pk,
      String low,
      @Nullable String high,
      QueryOptions options) {
    String filter = FilterExpressionBuilder.build(options.filter(), mapper, ctx);
    ContinuationToken start = null;
    if (options.startToken() != null) {
      start = ContinuationToken.decode(options.startToken());
      QueryPlan.checkToken(start, options.startToken(), pk, low, high);
    }
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(keyCondition)
            .filterExpression(filter)
            .expressionAttributeNames(ctx.names())
            .expressionAttributeValues(ctx.values())
            .scanIndexForward(options.ascending())
            .consistentRead(consistent(options.consistentRead()));
    return new QueryPlan(
        request.build(),
        pkName,
        skName,
        pk,
        low,
        high,
        options.limit(),
        options.pageSize(),
        filter != null,
        start);
  }

  /** A keys-only query of everything under a prefix, for delete. */
  QueryRequest keysQuery(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    QueryRequest template =
        listPlan(partitionIds, contentPrefix, QueryOptions.defaults()).template();
    Map<String, String> names = new HashMap<>(template.expressionAttributeNames());
    return template.toBuilder()
        .select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression(
            findPlaceholder(names, pkName) + ", " + findPlaceholder(names, skName))
        .build();
  }

  private static String findPlaceholder(Map<String, String> names, String attribute) {
    return names.entrySet().stream()
        .filter(e -> e.getValue().equals(attribute))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  // ---- updates ----

  /** The UpdateItem request; a command that does not fit the model fails here, before any I/O. */
  UpdateItemRequest updateRequest(
      Map<String, AttributeValue> key,
      UpdateCommand command,
      Set<String> createMaps,
      Set<String> nullTargets) {
    UpdatePlan plan =
        UpdateExpressionBuilder.render(command, mapper, pkName, now(), createMaps, nullTargets);
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(key)
        .updateExpression(plan.updateExpression())
        .conditionExpression(plan.conditionExpression())
        .expressionAttributeNames(plan.names())
        .expressionAttributeValues(plan.values())
        .returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /** The updated content from an ALL_NEW response. */
  PartitionedContent<T> updated(Map<String, AttributeValue> attributes) {
    PartitionedContent<T> content = read(attributes);
    if (content == null) { // expired but just updated: still return it
      ContentKey key = keyOf(attributes);
      return new PartitionedContent<>(
          key.partitionIds(),
          key.contentIds(),
          mapper.fromAttributes(attributes),
          version(attributes),
          null);
    }
    return content;
  }

  /**
   * Whether an update failed because of the stored state (a missing or NULL map to merge into, a
   * NULL increment/append target) and may succeed once rendered for that state.
   */
  static boolean isStateValidationError(Throwable error) {
    if (!(error instanceof DynamoDbException e) || e instanceof ConditionalCheckFailedException) {
      return false;
    }
    String message =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return message != null
        && (message.contains("document path provided in the update expression is invalid")
            || message.contains("incorrect data type"));
  }

  /** The merge and increment/append targets that need the state-specific rendering. */
  StateAdjustments adjustmentsFor(
      UpdateCommand command, @Nullable Map<String, AttributeValue> stored) {
    Set<String> createMaps = new HashSet<>();
    Set<String> nullTargets = new HashSet<>();
    for (UpdateCommand.Action action : command.actions()) {
      AttributePath path = mapper.schema().resolve(action.path());
      AttributeValue current = stored == null ? null : valueAt(stored, path.segments());
      boolean absentOrNull = current == null || Boolean.TRUE.equals(current.nul());
      if (action instanceof UpdateCommand.Merge && absentOrNull) {
        createMaps.add(path.dotted());
      } else if ((action instanceof UpdateCommand.Increment
              || action instanceof UpdateCommand.Append)
          && current != null
          && Boolean.TRUE.equals(current.nul())) {
        nullTargets.add(path.dotted());
      }
    }
    return new StateAdjustments(createMaps, nullTargets);
  }

  /** What to render differently for a stored state. */
  record StateAdjustments(Set<String> createMaps, Set<String> nullTargets) {
    boolean isEmpty() {
      return createMaps.isEmpty() && nullTargets.isEmpty();
    }
  }

  private static @Nullable AttributeValue valueAt(
      Map<String, AttributeValue> item, List<String> path) {
    AttributeValue current = item.get(path.get(0));
    for (int i = 1; i < path.size() && current != null; i++) {
      current = current.hasM() ? current.m().get(path.get(i)) : null;
    }
    return current;
  }

  /** Translates a failed condition into the specific exception, given the stored item (or null). */
  RuntimeException conditionFailure(
      ContentKey key,
      UpdateCommand command,
      @Nullable Map<String, AttributeValue> stored,
      ConditionalCheckFailedException cause) {
    if (stored == null || stored.isEmpty()) {
      if (command.requireExists()) {
        ItemNotFoundException missing =
            new ItemNotFoundException(
                key,
                "no item "
                    + key
                    + " in table "
                    + table
                    + " to update; put it first, or use requireExists(false) to create it");
        missing.initCause(cause);
        return missing;
      }
    }
    long storedVersion = version(stored);
    if (command.currentVersion().isPresent()
        && (stored == null
            || stored.isEmpty()
            || storedVersion != command.currentVersion().getAsLong())) {
      long expected = command.currentVersion().getAsLong();
      OptionalLong known =
          stored == null || stored.isEmpty()
              ? OptionalLong.empty()
              : OptionalLong.of(storedVersion);
      VersionConflictException conflict =
          new VersionConflictException(
              key,
              expected,
              known,
              "item "
                  + key
                  + " is at version "
                  + (known.isPresent() ? Long.toString(known.getAsLong()) : "(missing)")
                  + ", not the expected "
                  + expected
                  + "; read it again and retry with its current version");
      conflict.initCause(cause);
      return conflict;
    }
    return new RequestObjectStateException(
        "item "
            + key
            + " changed while it was updated (a concurrent writer created or replaced a merged"
            + " map); retry the update",
        cause);
  }
}
