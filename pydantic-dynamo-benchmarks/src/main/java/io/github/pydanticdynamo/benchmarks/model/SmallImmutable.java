package io.github.pydanticdynamo.benchmarks.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;

/** {@link SmallItem} as an immutable class with a builder, for {@code fromImmutableClass}. */
@DynamoDbImmutable(builder = SmallImmutable.Builder.class)
public final class SmallImmutable {
  private final String id;
  private final String name;
  private final int rank;
  private final long views;
  private final boolean active;

  private SmallImmutable(Builder builder) {
    this.id = Objects.requireNonNull(builder.id);
    this.name = Objects.requireNonNull(builder.name);
    this.rank = builder.rank;
    this.views = builder.views;
    this.active = builder.active;
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
  public static SmallImmutable of(SmallItem item) {
    return builder()
        .id(item.id())
        .name(item.name())
        .rank(item.rank())
        .views(item.views())
        .active(item.active())
        .build();
  }

  /**
   * The record holding this immutable's data.
   *
   * @return a new record
   */
  @DynamoDbIgnore
  public SmallItem toItem() {
    return new SmallItem(id, name, rank, views, active);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public int rank() {
    return rank;
  }

  public long views() {
    return views;
  }

  public boolean active() {
    return active;
  }

  /** Builds {@link SmallImmutable}. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String name;
    private int rank;
    private long views;
    private boolean active;

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder rank(int value) {
      this.rank = value;
      return this;
    }

    public Builder views(long value) {
      this.views = value;
      return this;
    }

    public Builder active(boolean value) {
      this.active = value;
      return this;
    }

    public SmallImmutable build() {
      return new SmallImmutable(this);
    }
  }
}
