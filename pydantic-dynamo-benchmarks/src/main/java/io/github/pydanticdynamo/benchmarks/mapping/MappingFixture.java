package io.github.pydanticdynamo.benchmarks.mapping;

import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.benchmarks.model.HandWrittenMapping;
import io.github.pydanticdynamo.benchmarks.model.LargeBean;
import io.github.pydanticdynamo.benchmarks.model.LargeImmutable;
import io.github.pydanticdynamo.benchmarks.model.LargeItem;
import io.github.pydanticdynamo.benchmarks.model.MediumBean;
import io.github.pydanticdynamo.benchmarks.model.MediumImmutable;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import io.github.pydanticdynamo.benchmarks.model.SmallBean;
import io.github.pydanticdynamo.benchmarks.model.SmallImmutable;
import io.github.pydanticdynamo.benchmarks.model.SmallItem;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * One item size with every contender's mapper and its own form of the same data: the record (ours
 * and hand-written), the bean and the immutable (Enhanced Client), and the stored attributes that
 * all readers read.
 *
 * @param <R> the record type
 * @param <B> the bean type
 * @param <I> the immutable type
 */
public final class MappingFixture<R, B, I> {
  /** The attribute names a repository reserves; the mapper is built as a repository builds it. */
  static final Set<String> RESERVED = Set.of("PK", "SK", "_timestamp", "_object_version", "_ttl");

  /** The item sizes. */
  public enum Size {
    /** Five scalar fields. */
    SMALL,
    /** About 1 KB: nested record, list, set, map, date/time, enum. */
    MEDIUM,
    /** About 50 KB: nested lists and maps. */
    LARGE
  }

  private final R record;
  private final B bean;
  private final I immutable;
  private final ItemMapper<R> ours;
  private final TableSchema<B> beanSchema;
  private final TableSchema<I> immutableSchema;
  private final Function<R, Map<String, AttributeValue>> handWriter;
  private final Function<Map<String, AttributeValue>, R> handReader;
  private final Map<String, AttributeValue> attributes;

  private MappingFixture(
      Class<R> recordType,
      R record,
      TableSchema<B> beanSchema,
      B bean,
      TableSchema<I> immutableSchema,
      I immutable,
      Function<R, Map<String, AttributeValue>> handWriter,
      Function<Map<String, AttributeValue>, R> handReader) {
    this.record = record;
    this.bean = bean;
    this.immutable = immutable;
    this.ours = ItemMapper.create(recordType, null, RESERVED);
    this.beanSchema = beanSchema;
    this.immutableSchema = immutableSchema;
    this.handWriter = handWriter;
    this.handReader = handReader;
    // Readers get the map type the SDK hands out (an unmodifiable copy made by a response builder).
    this.attributes = GetItemResponse.builder().item(handWriter.apply(record)).build().item();
  }

  /**
   * The fixture of one size.
   *
   * @param size the size
   * @return its fixture
   */
  public static MappingFixture<?, ?, ?> of(Size size) {
    return switch (size) {
      case SMALL -> small();
      case MEDIUM -> medium();
      case LARGE -> large();
    };
  }

  static MappingFixture<SmallItem, SmallBean, SmallImmutable> small() {
    SmallItem item = Fixtures.small(42);
    return new MappingFixture<>(
        SmallItem.class,
        item,
        TableSchema.fromBean(SmallBean.class),
        SmallBean.of(item),
        TableSchema.fromImmutableClass(SmallImmutable.class),
        SmallImmutable.of(item),
        HandWrittenMapping::toAttributes,
        HandWrittenMapping::small);
  }

  static MappingFixture<MediumItem, MediumBean, MediumImmutable> medium() {
    MediumItem item = Fixtures.medium(42);
    return new MappingFixture<>(
        MediumItem.class,
        item,
        TableSchema.fromBean(MediumBean.class),
        MediumBean.of(item),
        TableSchema.fromImmutableClass(MediumImmutable.class),
        MediumImmutable.of(item),
        HandWrittenMapping::toAttributes,
        HandWrittenMapping::medium);
  }

  static MappingFixture<LargeItem, LargeBean, LargeImmutable> large() {
    LargeItem item = Fixtures.large(42);
    return new MappingFixture<>(
        LargeItem.class,
        item,
        TableSchema.fromBean(LargeBean.class),
        LargeBean.of(item),
        TableSchema.fromImmutableClass(LargeImmutable.class),
        LargeImmutable.of(item),
        HandWrittenMapping::toAttributes,
        HandWrittenMapping::large);
  }

  /**
   * The record every contender's form was made from.
   *
   * @return the record
   */
  public R record() {
    return record;
  }

  /**
   * The stored attributes that every reader reads.
   *
   * @return the attributes (immutable)
   */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  /**
   * Ours: {@code ItemMapper.toAttributes}.
   *
   * @return the attributes
   */
  public Map<String, AttributeValue> oursToAttributes() {
    return ours.toAttributes(record);
  }

  /**
   * Ours: {@code ItemMapper.fromAttributes}.
   *
   * @return the record
   */
  public R oursFromAttributes() {
    return ours.fromAttributes(attributes);
  }

  /**
   * Enhanced Client, {@code TableSchema.fromBean}: {@code itemToMap(bean, ignoreNulls=true)}.
   *
   * @return the attributes
   */
  public Map<String, AttributeValue> beanToAttributes() {
    return beanSchema.itemToMap(bean, true);
  }

  /**
   * Enhanced Client, {@code TableSchema.fromBean}: {@code mapToItem}.
   *
   * @return the bean
   */
  public B beanFromAttributes() {
    return beanSchema.mapToItem(attributes);
  }

  /**
   * Enhanced Client, {@code TableSchema.fromImmutableClass}: {@code itemToMap(immutable, true)}.
   *
   * @return the attributes
   */
  public Map<String, AttributeValue> immutableToAttributes() {
    return immutableSchema.itemToMap(immutable, true);
  }

  /**
   * Enhanced Client, {@code TableSchema.fromImmutableClass}: {@code mapToItem}.
   *
   * @return the immutable
   */
  public I immutableFromAttributes() {
    return immutableSchema.mapToItem(attributes);
  }

  /**
   * Hand-written attribute code.
   *
   * @return the attributes
   */
  public Map<String, AttributeValue> handWrittenToAttributes() {
    return handWriter.apply(record);
  }

  /**
   * Hand-written attribute code.
   *
   * @return the record
   */
  public R handWrittenFromAttributes() {
    return handReader.apply(attributes);
  }
}
