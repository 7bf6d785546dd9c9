package io.github.pydanticdynamo.benchmarks.model;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** {@link SmallItem} as a mutable bean for {@code TableSchema.fromBean}. */
@DynamoDbBean
public class SmallBean {
  private @Nullable String id;
  private @Nullable String name;
  private int rank;
  private long views;
  private boolean active;

  /**
   * The bean holding a record's data.
   *
   * @param item the record
   * @return a new bean
   */
  public static SmallBean of(SmallItem item) {
    SmallBean bean = new SmallBean();
    bean.setId(item.id());
    bean.setName(item.name());
    bean.setRank(item.rank());
    bean.setViews(item.views());
    bean.setActive(item.active());
    return bean;
  }

  /**
   * The record holding this bean's data.
   *
   * @return a new record
   */
  public SmallItem toItem() {
    return new SmallItem(String.valueOf(id), String.valueOf(name), rank, views, active);
  }

  public @Nullable String getId() {
    return id;
  }

  public void setId(@Nullable String id) {
    this.id = id;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public int getRank() {
    return rank;
  }

  public void setRank(int rank) {
    this.rank = rank;
  }

  public long getViews() {
    return views;
  }

  public void setViews(long views) {
    this.views = views;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
