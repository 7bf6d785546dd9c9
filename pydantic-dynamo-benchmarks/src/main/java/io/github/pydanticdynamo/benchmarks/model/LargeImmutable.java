package io.github.pydanticdynamo.benchmarks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;

/** {@link LargeItem} as an immutable class with a builder, for {@code fromImmutableClass}. */
@DynamoDbImmutable(builder = LargeImmutable.Builder.class)
public final class LargeImmutable {
  private final String id;
  private final String owner;
  private final List<Section> sections;
  private final Map<String, Map<String, String>> labels;

  private LargeImmutable(Builder builder) {
    this.id = Objects.requireNonNull(builder.id);
    this.owner = Objects.requireNonNull(builder.owner);
    this.sections = Objects.requireNonNull(builder.sections);
    this.labels = Objects.requireNonNull(builder.labels);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The immutable holding a record's data.
   *
   * @param item the record
   * @return a new immutable
   */
  public static LargeImmutable of(LargeItem item) {
    List<Section> sections = new ArrayList<>();
    for (LargeItem.Section section : item.sections()) {
      sections.add(Section.of(section));
    }
    return builder()
        .id(item.id())
        .owner(item.owner())
        .sections(sections)
        .labels(item.labels())
        .build();
  }

  /**
   * The record holding this immutable's data.
   *
   * @return a new record
   */
  @DynamoDbIgnore
  public LargeItem toItem() {
    List<LargeItem.Section> items = new ArrayList<>();
    for (Section section : sections) {
      items.add(section.toItem());
    }
    return new LargeItem(id, owner, items, labels);
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public List<Section> sections() {
    return sections;
  }

  public Map<String, Map<String, String>> labels() {
    return labels;
  }

  /** Builds {@link LargeImmutable}. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String owner;
    private @Nullable List<Section> sections;
    private @Nullable Map<String, Map<String, String>> labels;

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder owner(String value) {
      this.owner = value;
      return this;
    }

    public Builder sections(List<Section> value) {
      this.sections = value;
      return this;
    }

    public Builder labels(Map<String, Map<String, String>> value) {
      this.labels = value;
      return this;
    }

    public LargeImmutable build() {
      return new LargeImmutable(this);
    }
  }

  /** {@link LargeItem.Section} as a nested immutable. */
  @DynamoDbImmutable(builder = Section.Builder.class)
  public static final class Section {
    private final String name;
    private final List<Entry> entries;
    private final Map<String, Long> counters;

    private Section(Builder builder) {
      this.name = Objects.requireNonNull(builder.name);
      this.entries = Objects.requireNonNull(builder.entries);
      this.counters = Objects.requireNonNull(builder.counters);
    }

    static Section of(LargeItem.Section item) {
      List<Entry> entries = new ArrayList<>();
      for (LargeItem.Entry entry : item.entries()) {
        entries.add(Entry.of(entry));
      }
      return builder().name(item.name()).entries(entries).counters(item.counters()).build();
    }

    LargeItem.Section toItem() {
      List<LargeItem.Entry> items = new ArrayList<>();
      for (Entry entry : entries) {
        items.add(entry.toItem());
      }
      return new LargeItem.Section(name, items, counters);
    }

    public static Builder builder() {
      return new Builder();
    }

    public String name() {
      return name;
    }

    public List<Entry> entries() {
      return entries;
    }

    public Map<String, Long> counters() {
      return counters;
    }

    /** Builds {@link Section}. */
    public static final class Builder {
      private @Nullable String name;
      private @Nullable List<Entry> entries;
      private @Nullable Map<String, Long> counters;

      public Builder name(String value) {
        this.name = value;
        return this;
      }

      public Builder entries(List<Entry> value) {
        this.entries = value;
        return this;
      }

      public Builder counters(Map<String, Long> value) {
        this.counters = value;
        return this;
      }

      public Section build() {
        return new Section(this);
      }
    }
  }

  /** {@link LargeItem.Entry} as a nested immutable. */
  @DynamoDbImmutable(builder = Entry.Builder.class)
  public static final class Entry {
    private final String key;
    private final String text;
    private final double weight;
    private final List<Integer> values;

    private Entry(Builder builder) {
      this.key = Objects.requireNonNull(builder.key);
      this.text = Objects.requireNonNull(builder.text);
      this.weight = builder.weight;
      this.values = Objects.requireNonNull(builder.values);
    }

    static Entry of(LargeItem.Entry item) {
      return builder()
          .key(item.key())
          .text(item.text())
          .weight(item.weight())
          .values(item.values())
          .build();
    }

    LargeItem.Entry toItem() {
      return new LargeItem.Entry(key, text, weight, values);
    }

    public static Builder builder() {
      return new Builder();
    }

    public String key() {
      return key;
    }

    public String text() {
      return text;
    }

    public double weight() {
      return weight;
    }

    public List<Integer> values() {
      return values;
    }

    /** Builds {@link Entry}. */
    public static final class Builder {
      private @Nullable String key;
      private @Nullable String text;
      private double weight;
      private @Nullable List<Integer> values;

      public Builder key(String value) {
        this.key = value;
        return this;
      }

      public Builder text(String value) {
        this.text = value;
        return this;
      }

      public Builder weight(double value) {
        this.weight = value;
        return this;
      }

      public Builder values(List<Integer> value) {
        this.values = value;
        return this;
      }

      public Entry build() {
        return new Entry(this);
      }
    }
  }
}
