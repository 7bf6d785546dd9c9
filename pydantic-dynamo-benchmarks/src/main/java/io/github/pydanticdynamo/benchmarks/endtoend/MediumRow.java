package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.benchmarks.model.MediumBean;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The Enhanced Client's form of a stored {@link MediumItem}: the item's fields plus the keys,
 * version and timestamp pydantic-dynamo stores, so both store the same attributes. Numbers are
 * boxed so a partial bean updates only what it sets ({@code ignoreNulls}).
 */
@DynamoDbBean
public class MediumRow {
  private @Nullable String pk;
  private @Nullable String sk;
  private @Nullable String id;
  private @Nullable String title;
  private @Nullable String review;
  private @Nullable Integer rating;
  private @Nullable Double score;
  private MediumBean.@Nullable Reviewer reviewer;
  private @Nullable List<String> tags;
  private @Nullable Set<String> genres;
  private @Nullable Map<String, Integer> votes;
  private @Nullable Instant createdAt;
  private @Nullable LocalDate releaseDate;
  private MediumItem.@Nullable Status status;
  private @Nullable Long objectVersion;
  private @Nullable String timestamp;
  private @Nullable String statusPartition;
  private @Nullable String statusSort;

  /**
   * A full row for an item.
   *
   * @param pk the partition key
   * @param sk the sort key
   * @param item the item
   * @param timestamp the write time
   * @return the row
   */
  static MediumRow of(String pk, String sk, MediumItem item, String timestamp) {
    MediumRow row = new MediumRow();
    row.setPk(pk);
    row.setSk(sk);
    row.setId(item.id());
    row.setTitle(item.title());
    row.setReview(item.review());
    row.setRating(item.rating());
    row.setScore(item.score());
    row.setReviewer(MediumBean.Reviewer.of(item.reviewer()));
    row.setTags(item.tags());
    row.setGenres(item.genres());
    row.setVotes(item.votes());
    row.setCreatedAt(item.createdAt());
    row.setReleaseDate(item.releaseDate());
    row.setStatus(item.status());
    row.setObjectVersion(1L);
    row.setTimestamp(timestamp);
    row.setStatusPartition(Contender.Keys.statusPartition(item.status()));
    row.setStatusSort(Contender.Keys.sort(item.id()));
    return row;
  }

  @DynamoDbPartitionKey
  @DynamoDbAttribute(Contender.PK)
  public @Nullable String getPk() {
    return pk;
  }

  public void setPk(@Nullable String pk) {
    this.pk = pk;
  }

  @DynamoDbSortKey
  @DynamoDbAttribute(Contender.SK)
  public @Nullable String getSk() {
    return sk;
  }

  public void setSk(@Nullable String sk) {
    this.sk = sk;
  }

  public @Nullable String getId() {
    return id;
  }

  public void setId(@Nullable String id) {
    this.id = id;
  }

  public @Nullable String getTitle() {
    return title;
  }

  public void setTitle(@Nullable String title) {
    this.title = title;
  }

  public @Nullable String getReview() {
    return review;
  }

  public void setReview(@Nullable String review) {
    this.review = review;
  }

  public @Nullable Integer getRating() {
    return rating;
  }

  public void setRating(@Nullable Integer rating) {
    this.rating = rating;
  }

  public @Nullable Double getScore() {
    return score;
  }

  public void setScore(@Nullable Double score) {
    this.score = score;
  }

  public MediumBean.@Nullable Reviewer getReviewer() {
    return reviewer;
  }

  public void setReviewer(MediumBean.@Nullable Reviewer reviewer) {
    this.reviewer = reviewer;
  }

  public @Nullable List<String> getTags() {
    return tags;
  }

  public void setTags(@Nullable List<String> tags) {
    this.tags = tags;
  }

  public @Nullable Set<String> getGenres() {
    return genres;
  }

  public void setGenres(@Nullable Set<String> genres) {
    this.genres = genres;
  }

  public @Nullable Map<String, Integer> getVotes() {
    return votes;
  }

  public void setVotes(@Nullable Map<String, Integer> votes) {
    this.votes = votes;
  }

  public @Nullable Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(@Nullable Instant createdAt) {
    this.createdAt = createdAt;
  }

  public @Nullable LocalDate getReleaseDate() {
    return releaseDate;
  }

  public void setReleaseDate(@Nullable LocalDate releaseDate) {
    this.releaseDate = releaseDate;
  }

  public MediumItem.@Nullable Status getStatus() {
    return status;
  }

  public void setStatus(MediumItem.@Nullable Status status) {
    this.status = status;
  }

  @DynamoDbAttribute("_object_version")
  public @Nullable Long getObjectVersion() {
    return objectVersion;
  }

  public void setObjectVersion(@Nullable Long objectVersion) {
    this.objectVersion = objectVersion;
  }

  @DynamoDbAttribute("_timestamp")
  public @Nullable String getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(@Nullable String timestamp) {
    this.timestamp = timestamp;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = Contender.BY_STATUS)
  @DynamoDbAttribute(Contender.GSI_PK)
  public @Nullable String getStatusPartition() {
    return statusPartition;
  }

  public void setStatusPartition(@Nullable String statusPartition) {
    this.statusPartition = statusPartition;
  }

  @DynamoDbSecondarySortKey(indexNames = Contender.BY_STATUS)
  @DynamoDbAttribute(Contender.GSI_SK)
  public @Nullable String getStatusSort() {
    return statusSort;
  }

  public void setStatusSort(@Nullable String statusSort) {
    this.statusSort = statusSort;
  }
}
