package io.github.pydanticdynamo.benchmarks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** {@link LargeItem} as a mutable bean for {@code TableSchema.fromBean}. */
@DynamoDbBean
public class LargeBean {
  private @Nullable String id;
  private @Nullable String owner;
  private @Nullable List<Section> sections;
  private @Nullable Map<String, Map<String, String>> labels;

  /**
   * The bean holding a record's data.
   *
   * @param item the record
   * @return a new bean
   */
  public static LargeBean of(LargeItem item) {
    LargeBean bean = new LargeBean();
    bean.setId(item.id());
    bean.setOwner(item.owner());
    List<Section> sections = new ArrayList<>();
    for (LargeItem.Section section : item.sections()) {
      sections.add(Section.of(section));
    }
    bean.setSections(sections);
    bean.setLabels(item.labels());
    return bean;
  }

  /**
   * The record holding this bean's data.
   *
   * @return a new record
   */
  public LargeItem toItem() {
    List<LargeItem.Section> items = new ArrayList<>();
    for (Section section : Objects.requireNonNull(sections)) {
      items.add(section.toItem());
    }
    return new LargeItem(
        Objects.requireNonNull(id),
        Objects.requireNonNull(owner),
        items,
        Objects.requireNonNull(labels));
  }

  public @Nullable String getId() {
    return id;
  }

  public void setId(@Nullable String id) {
    this.id = id;
  }

  public @Nullable String getOwner() {
    return owner;
  }

  public void setOwner(@Nullable String owner) {
    this.owner = owner;
  }

  public @Nullable List<Section> getSections() {
    return sections;
  }

  public void setSections(@Nullable List<Section> sections) {
    this.sections = sections;
  }

  public @Nullable Map<String, Map<String, String>> getLabels() {
    return labels;
  }

  public void setLabels(@Nullable Map<String, Map<String, String>> labels) {
    this.labels = labels;
  }

  /** {@link LargeItem.Section} as a nested bean. */
  @DynamoDbBean
  public static class Section {
    private @Nullable String name;
    private @Nullable List<Entry> entries;
    private @Nullable Map<String, Long> counters;

    static Section of(LargeItem.Section item) {
      Section bean = new Section();
      bean.setName(item.name());
      List<Entry> entries = new ArrayList<>();
      for (LargeItem.Entry entry : item.entries()) {
        entries.add(Entry.of(entry));
      }
      bean.setEntries(entries);
      bean.setCounters(item.counters());
      return bean;
    }

    LargeItem.Section toItem() {
      List<LargeItem.Entry> items = new ArrayList<>();
      for (Entry entry : Objects.requireNonNull(entries)) {
        items.add(entry.toItem());
      }
      return new LargeItem.Section(
          Objects.requireNonNull(name), items, Objects.requireNonNull(counters));
    }

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable List<Entry> getEntries() {
      return entries;
    }

    public void setEntries(@Nullable List<Entry> entries) {
      this.entries = entries;
    }

    public @Nullable Map<String, Long> getCounters() {
      return counters;
    }

    public void setCounters(@Nullable Map<String, Long> counters) {
      this.counters = counters;
    }
  }

  /** {@link LargeItem.Entry} as a nested bean. */
  @DynamoDbBean
  public static class Entry {
    private @Nullable String key;
    private @Nullable String text;
    private double weight;
    private @Nullable List<Integer> values;

    static Entry of(LargeItem.Entry item) {
      Entry bean = new Entry();
      bean.setKey(item.key());
      bean.setText(item.text());
      bean.setWeight(item.weight());
      bean.setValues(item.values());
      return bean;
    }

    LargeItem.Entry toItem() {
      return new LargeItem.Entry(
          Objects.requireNonNull(key),
          Objects.requireNonNull(text),
          weight,
          Objects.requireNonNull(values));
    }

    public @Nullable String getKey() {
      return key;
    }

    public void setKey(@Nullable String key) {
      this.key = key;
    }

    public @Nullable String getText() {
      return text;
    }

    public void setText(@Nullable String text) {
      this.text = text;
    }

    public double getWeight() {
      return weight;
    }

    public void setWeight(double weight) {
      this.weight = weight;
    }

    public @Nullable List<Integer> getValues() {
      return values;
    }

    public void setValues(@Nullable List<Integer> values) {
      this.values = values;
    }
  }
}
