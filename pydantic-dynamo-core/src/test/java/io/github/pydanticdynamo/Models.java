package io.github.pydanticdynamo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Test models. */
final class Models {
  private Models() {}

  @DynamoEntity(contentType = "actor", partitionName = "actors")
  record FilmActor(String id, String name, @Nullable String review) {}

  record ActorReview(String id, String actorId, Instant created, String review) {}

  record Address(String city, @Nullable String zip) {}

  enum Status {
    ACTIVE,
    RETIRED
  }

  record Profile(
      String id,
      @Nullable String name,
      @Nullable Address address,
      @Nullable Map<String, Integer> scores,
      @Nullable List<String> tags,
      long views,
      @Nullable Integer rating,
      @Nullable String nickname,
      @Nullable Set<String> genres,
      @Nullable Status status,
      @Nullable BigDecimal balance) {

    Profile withoutScores() {
      return new Profile(
          id, name, address, null, tags, views, rating, nickname, genres, status, balance);
    }

    static Profile of(String id) {
      return new Profile(
          id,
          "name-" + id,
          new Address("Springfield", "12345"),
          Map.of("imdb", 7),
          List.of("drama"),
          0,
          null,
          null,
          Set.of("comedy"),
          Status.ACTIVE,
          new BigDecimal("10.5"));
    }
  }

  /** A big item, for page-size tests. */
  record Blob(String id, String payload) {}
}
