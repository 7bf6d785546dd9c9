package io.github.pydanticdynamo.benchmarks.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;

/** {@link MediumItem} as an immutable class with a builder, for {@code fromImmutableClass}. */
@DynamoDbImmutable(builder = MediumImmutable.Builder.class)
public final class MediumImmutable {
  private final String id;
  private final String title;
  private final String review;
  private final int rating;
  private final double score;
  private final Reviewer reviewer;
  private final List<String> tags;
  private final Set<String> genres;
  private final Map<String, Integer> votes;
  private final Instant createdAt;
  private final LocalDate releaseDate;
  private final MediumItem.Status status;

  private MediumImmutable(Builder builder) {
    this.id = Objects.requireNonNull(builder.id);
    this.title = Objects.requireNonNull(builder.title);
    this.review = Objects.requireNonNull(builder.review);
    this.rating = builder.rating;
    this.score = builder.score;
    this.reviewer = Objects.requireNonNull(builder.reviewer);
    this.tags = Objects.requireNonNull(builder.tags);
    this.genres = Objects.requireNonNull(builder.genres);
    this.votes = Objects.requireNonNull(builder.votes);
    this.createdAt = Objects.requireNonNull(builder.createdAt);
    this.releaseDate = Objects.requireNonNull(builder.releaseDate);
    this.status = Objects.requireNonNull(builder.status);
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
  public static MediumImmutable of(MediumItem item) {
    return builder()
        .id(item.id())
        .title(item.title())
        .review(item.review())
        .rating(item.rating())
        .score(item.score())
        .reviewer(Reviewer.of(item.reviewer()))
        .tags(item.tags())
        .genres(item.genres())
        .votes(item.votes())
        .createdAt(item.createdAt())
        .releaseDate(item.releaseDate())
        .status(item.status())
        .build();
  }

  /**
   * The record holding this immutable's data.
   *
   * @return a new record
   */
  @DynamoDbIgnore
  public MediumItem toItem() {
    return new MediumItem(
        id,
        title,
        review,
        rating,
        score,
        reviewer.toItem(),
        tags,
        genres,
        votes,
        createdAt,
        releaseDate,
        status);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String review() {
    return review;
  }

  public int rating() {
    return rating;
  }

  public double score() {
    return score;
  }

  public Reviewer reviewer() {
    return reviewer;
  }

  public List<String> tags() {
    return tags;
  }

  public Set<String> genres() {
    return genres;
  }

  public Map<String, Integer> votes() {
    return votes;
  }

  @DynamoDbConvertedBy(PythonInstantConverter.class)
  public Instant createdAt() {
    return createdAt;
  }

  public LocalDate releaseDate() {
    return releaseDate;
  }

  public MediumItem.Status status() {
    return status;
  }

  /** Builds {@link MediumImmutable}. */
  public static final class Builder {
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

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder review(String value) {
      this.review = value;
      return this;
    }

    public Builder rating(int value) {
      this.rating = value;
      return this;
    }

    public Builder score(double value) {
      this.score = value;
      return this;
    }

    public Builder reviewer(Reviewer value) {
      this.reviewer = value;
      return this;
    }

    public Builder tags(List<String> value) {
      this.tags = value;
      return this;
    }

    public Builder genres(Set<String> value) {
      this.genres = value;
      return this;
    }

    public Builder votes(Map<String, Integer> value) {
      this.votes = value;
      return this;
    }

    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    public Builder releaseDate(LocalDate value) {
      this.releaseDate = value;
      return this;
    }

    public Builder status(MediumItem.Status value) {
      this.status = value;
      return this;
    }

    public MediumImmutable build() {
      return new MediumImmutable(this);
    }
  }

  /** {@link MediumItem.Reviewer} as a nested immutable. */
  @DynamoDbImmutable(builder = Reviewer.Builder.class)
  public static final class Reviewer {
    private final String name;
    private final String email;
    private final int level;

    private Reviewer(Builder builder) {
      this.name = Objects.requireNonNull(builder.name);
      this.email = Objects.requireNonNull(builder.email);
      this.level = builder.level;
    }

    static Reviewer of(MediumItem.Reviewer item) {
      return builder().name(item.name()).email(item.email()).level(item.level()).build();
    }

    MediumItem.Reviewer toItem() {
      return new MediumItem.Reviewer(name, email, level);
    }

    public static Builder builder() {
      return new Builder();
    }

    public String name() {
      return name;
    }

    public String email() {
      return email;
    }

    public int level() {
      return level;
    }

    /** Builds {@link Reviewer}. */
    public static final class Builder {
      private @Nullable String name;
      private @Nullable String email;
      private int level;

      public Builder name(String value) {
        this.name = value;
        return this;
      }

      public Builder email(String value) {
        this.email = value;
        return this;
      }

      public Builder level(int value) {
        this.level = value;
        return this;
      }

      public Reviewer build() {
        return new Reviewer(this);
      }
    }
  }
}
