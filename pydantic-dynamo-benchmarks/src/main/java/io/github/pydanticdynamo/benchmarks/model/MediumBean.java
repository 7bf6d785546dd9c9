package io.github.pydanticdynamo.benchmarks.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;

/** {@link MediumItem} as a mutable bean for {@code TableSchema.fromBean}. */
@DynamoDbBean
public class MediumBean {
  private @Nullable String id;
  private @Nullable String title;
  private @Nullable String review;
  private int rating;
  private double score;
  private @Nullable Reviewer reviewer;
  private @Nullable List<String> tags;
  private @Nullable Set<String> genres;
  private @Nullable Map<String, Integer> votes;
  private @Nullable Instant createdAt;
  private @Nullable LocalDate releaseDate;
  private MediumItem.@Nullable Status status;

  /**
   * Copies a record's data into this bean.
   *
   * @param item the record
   * @return this bean
   */
  public MediumBean fill(MediumItem item) {
    setId(item.id());
    setTitle(item.title());
    setReview(item.review());
    setRating(item.rating());
    setScore(item.score());
    setReviewer(Reviewer.of(item.reviewer()));
    setTags(item.tags());
    setGenres(item.genres());
    setVotes(item.votes());
    setCreatedAt(item.createdAt());
    setReleaseDate(item.releaseDate());
    setStatus(item.status());
    return this;
  }

  /**
   * The bean holding a record's data.
   *
   * @param item the record
   * @return a new bean
   */
  public static MediumBean of(MediumItem item) {
    return new MediumBean().fill(item);
  }

  /**
   * The record holding this bean's data.
   *
   * @return a new record
   */
  public MediumItem toItem() {
    return new MediumItem(
        Objects.requireNonNull(id),
        Objects.requireNonNull(title),
        Objects.requireNonNull(review),
        rating,
        score,
        Objects.requireNonNull(reviewer).toItem(),
        Objects.requireNonNull(tags),
        Objects.requireNonNull(genres),
        Objects.requireNonNull(votes),
        Objects.requireNonNull(createdAt),
        Objects.requireNonNull(releaseDate),
        Objects.requireNonNull(status));
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

  public int getRating() {
    return rating;
  }

  public void setRating(int rating) {
    this.rating = rating;
  }

  public double getScore() {
    return score;
  }

  public void setScore(double score) {
    this.score = score;
  }

  public @Nullable Reviewer getReviewer() {
    return reviewer;
  }

  public void setReviewer(@Nullable Reviewer reviewer) {
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

  @DynamoDbConvertedBy(PythonInstantConverter.class)
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

  /** {@link MediumItem.Reviewer} as a nested bean. */
  @DynamoDbBean
  public static class Reviewer {
    private @Nullable String name;
    private @Nullable String email;
    private int level;

    public static Reviewer of(MediumItem.Reviewer item) {
      Reviewer bean = new Reviewer();
      bean.setName(item.name());
      bean.setEmail(item.email());
      bean.setLevel(item.level());
      return bean;
    }

    public MediumItem.Reviewer toItem() {
      return new MediumItem.Reviewer(
          Objects.requireNonNull(name), Objects.requireNonNull(email), level);
    }

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable String getEmail() {
      return email;
    }

    public void setEmail(@Nullable String email) {
      this.email = email;
    }

    public int getLevel() {
      return level;
    }

    public void setLevel(int level) {
      this.level = level;
    }
  }
}
