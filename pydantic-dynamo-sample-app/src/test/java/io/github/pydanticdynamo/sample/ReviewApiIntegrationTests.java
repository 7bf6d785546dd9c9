package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/actors/{id}/reviews}: add, list newest first with paging, list a range, delete. */
@SampleAppTest
class ReviewApiIntegrationTests {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");

  @Autowired RestTestClient client;

  @Test
  void addedReviewIsListedFirst() {
    String actor = Actors.create(client, "Tom Hanks");
    importReviews(actor, 2);
    client
        .post()
        .uri("/api/actors/{id}/reviews", actor)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("review", "  Great in Big  "))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.actorId")
        .isEqualTo(actor)
        .jsonPath("$.review")
        .isEqualTo("Great in Big")
        .jsonPath("$.id")
        .isNotEmpty()
        .jsonPath("$.created")
        .value(
            String.class,
            created ->
                assertThat(Instant.parse(created))
                    .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES)));

    JsonNode page = getPage("/api/actors/" + actor + "/reviews");
    assertThat(texts(page)).containsExactly("Great in Big", "review 2", "review 1");
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void pagingWithTheNextTokenWalksEveryReviewNewestFirst() {
    String actor = Actors.create(client, "Meg Ryan");
    importReviews(actor, 7);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String next = null;
    do {
      JsonNode page =
          getPage(
              "/api/actors/" + actor + "/reviews?limit=3" + (next == null ? "" : "&next=" + next));
      pageSizes.add(page.get("reviews").size());
      seen.addAll(texts(page));
      next = page.get("next").isNull() ? null : page.get("next").asString();
    } while (next != null && pageSizes.size() < 10);

    assertThat(pageSizes).containsExactly(3, 3, 1);
    assertThat(seen)
        .containsExactly(
            "review 7", "review 6", "review 5", "review 4", "review 3", "review 2", "review 1");
  }

  @Test
  void aTimeRangeIncludesFromAndExcludesTo() {
    String actor = Actors.create(client, "Tom Hanks");
    importReviews(actor, 7); // review n is dated May n, 2024

    assertThat(texts(getPage("/api/actors/" + actor + "/reviews?from=2024-05-02&to=2024-05-05")))
        .containsExactly("review 4", "review 3", "review 2");
    assertThat(
            texts(
                getPage(
                    "/api/actors/"
                        + actor
                        + "/reviews?from=2024-05-06T00:00:00Z&to=2024-05-06T00:00:00.001Z")))
        .containsExactly("review 6");
    assertThat(texts(getPage("/api/actors/" + actor + "/reviews?from=2024-05-03&to=2024-05-03")))
        .isEmpty();
  }

  @Test
  void aTimeRangePagesWithTheNextTokenToo() {
    String actor = Actors.create(client, "Tom Hanks");
    importReviews(actor, 7);
    String range = "/api/actors/" + actor + "/reviews?from=2024-05-02&to=2024-05-07&limit=2";

    JsonNode first = getPage(range);
    JsonNode second = getPage(range + "&next=" + first.get("next").asString());
    JsonNode third = getPage(range + "&next=" + second.get("next").asString());

    assertThat(texts(first)).containsExactly("review 6", "review 5");
    assertThat(texts(second)).containsExactly("review 4", "review 3");
    assertThat(texts(third)).containsExactly("review 2");
  }

  @Test
  void aRangeThatEndsBeforeItStartsAnswers400FromInvalidCommand() {
    String actor = Actors.create(client, "Tom Hanks");
    client
        .get()
        .uri("/api/actors/{id}/reviews?from=2024-05-05&to=2024-05-01", actor)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Invalid request")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("sorts after end"));
  }

  @Test
  void badRangeParametersAnswer400() {
    String actor = Actors.create(client, "Tom Hanks");
    client
        .get()
        .uri("/api/actors/{id}/reviews?from=2024-05-05", actor)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("send both 'from' and 'to' to list a time range, or neither");
    client
        .get()
        .uri("/api/actors/{id}/reviews?from=yesterday&to=2024-05-05", actor)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).startsWith("'from' is yesterday"));
  }

  @Test
  void anAlteredNextTokenAnswers400FromInvalidCommand() {
    String actor = Actors.create(client, "Tom Hanks");
    importReviews(actor, 3);
    String next = getPage("/api/actors/" + actor + "/reviews?limit=1").get("next").asString();
    String altered = (next.charAt(0) == 'A' ? 'B' : 'A') + next.substring(1);
    client
        .get()
        .uri("/api/actors/{id}/reviews?limit=1&next={next}", actor, altered)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("not a continuation token"));
  }

  @Test
  void aLimitOutOfRangeOrNotANumberAnswers400() {
    String actor = Actors.create(client, "Tom Hanks");
    client
        .get()
        .uri("/api/actors/{id}/reviews?limit=0", actor)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("limit")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be greater than or equal to 1");
    client
        .get()
        .uri("/api/actors/{id}/reviews?limit=many", actor)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aBlankReviewAnswers400WithItsField() {
    String actor = Actors.create(client, "Tom Hanks");
    client
        .post()
        .uri("/api/actors/{id}/reviews", actor)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("review", ""))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("review")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not be blank");
  }

  @Test
  void reviewsOfAMissingActorAnswer404() {
    client
        .post()
        .uri("/api/actors/no-such-actor/reviews")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("review", "Who?"))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Actor not found");
    client.get().uri("/api/actors/no-such-actor/reviews").exchange().expectStatus().isNotFound();
    client.delete().uri("/api/actors/no-such-actor/reviews").exchange().expectStatus().isNotFound();
  }

  @Test
  void deleteRemovesEveryReviewOfTheActorOnly() {
    String actor = Actors.create(client, "Tom Hanks");
    String other = Actors.create(client, "Meg Ryan");
    importReviews(actor, 4);
    importReviews(other, 1);

    client
        .delete()
        .uri("/api/actors/{id}/reviews", actor)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"actorId\":\"" + actor + "\",\"deleted\":4}");

    assertThat(texts(getPage("/api/actors/" + actor + "/reviews"))).isEmpty();
    assertThat(texts(getPage("/api/actors/" + other + "/reviews"))).containsExactly("review 1");
  }

  /** Imports reviews "review 1" … "review n" of an actor, review i dated May i, 2024. */
  private void importReviews(String actorId, int count) {
    List<Map<String, Object>> reviews = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      reviews.add(
          Map.of(
              "id",
              actorId + "-" + i,
              "actorId",
              actorId,
              "created",
              MAY_1.plus(i - 1, ChronoUnit.DAYS).toString(),
              "review",
              "review " + i));
    }
    client
        .post()
        .uri("/api/import")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("reviews", reviews))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.reviewsWritten")
        .isEqualTo(count);
  }

  private JsonNode getPage(String uri) {
    JsonNode page =
        client
            .get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).isNotNull();
    return page;
  }

  private static List<String> texts(JsonNode page) {
    List<String> texts = new ArrayList<>();
    page.get("reviews").forEach(review -> texts.add(review.get("review").asString()));
    return texts;
  }
}
