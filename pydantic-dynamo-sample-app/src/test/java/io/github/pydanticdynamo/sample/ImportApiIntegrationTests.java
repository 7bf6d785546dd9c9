package io.github.pydanticdynamo.sample;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code POST /api/import}: writes what is new or changed, once. */
@SampleAppTest
class ImportApiIntegrationTests {
  @Autowired RestTestClient client;

  @Test
  void importWritesNewItemsAndReimportWritesNothing() {
    String tom = Actors.uniqueId("tom-hanks");
    String meg = Actors.uniqueId("meg-ryan");
    Map<String, Object> body =
        Map.of(
            "actors",
            List.of(
                Map.of("id", tom, "name", "Tom Hanks"),
                Map.of("id", meg, "name", "Meg Ryan", "review", "Charming")),
            "reviews",
            List.of(
                review("r1", tom, "2024-05-01T10:00:00Z", "Great in Big"),
                review("r2", tom, "2024-05-02T10:00:00Z", "Great in Cast Away"),
                review("r3", meg, "2024-05-03T10:00:00Z", "Great in Sleepless in Seattle")));

    post(body)
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"actorsReceived\":2,\"actorsWritten\":2,\"reviewsReceived\":3,\"reviewsWritten\":3}");
    post(body)
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"actorsReceived\":2,\"actorsWritten\":0,\"reviewsReceived\":3,\"reviewsWritten\":0}");

    client
        .get()
        .uri("/api/actors/{id}/reviews", tom)
        .exchange()
        .expectBody()
        .jsonPath("$.reviews[*].review")
        .isEqualTo(List.of("Great in Cast Away", "Great in Big"));
  }

  @Test
  void reimportWritesOnlyWhatChanged() {
    String tom = Actors.uniqueId("tom-hanks");
    post(Map.of("actors", List.of(Map.of("id", tom, "name", "Tom Hanks")))).expectStatus().isOk();

    post(Map.of(
            "actors",
            List.of(Map.of("id", tom, "name", "Tom Hanks", "review", "Two Oscars")),
            "reviews",
            List.of(review("r1", tom, "2024-05-01T10:00:00Z", "Great"))))
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"actorsReceived\":1,\"actorsWritten\":1,\"reviewsReceived\":1,\"reviewsWritten\":1}");

    // a rewritten item goes on from the stored version
    client
        .get()
        .uri("/api/actors/{id}", tom)
        .exchange()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(2);
  }

  @Test
  void reviewsOfUnknownActorsAnswer400AndWriteNothing() {
    String known = Actors.create(client, "Tom Hanks");
    post(Map.of(
            "reviews",
            List.of(
                review("r1", known, "2024-05-01T10:00:00Z", "Fine"),
                review("r2", "ghost-actor", "2024-05-01T10:00:00Z", "Boo"))))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "reviews name actors that are neither in the import nor stored: [ghost-actor];"
                + " add them to \"actors\"");

    client
        .get()
        .uri("/api/actors/{id}/reviews", known)
        .exchange()
        .expectBody()
        .jsonPath("$.reviews")
        .isEmpty();
  }

  @Test
  void invalidNestedItemsAnswer400WithTheirPaths() {
    post(Map.of(
            "actors",
            List.of(Map.of("id", "ok-id", "name", "")),
            "reviews",
            List.of(Map.of("id", "r1", "actorId", "ok-id", "review", "No date"))))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .json(
            """
            {"errors": [
              {"field": "actors[0].name", "message": "must not be blank"},
              {"field": "reviews[0].created", "message": "must not be null"}]}
            """);
  }

  private RestTestClient.ResponseSpec post(Map<String, ?> body) {
    return client
        .post()
        .uri("/api/import")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  private static Map<String, String> review(
      String id, String actorId, String created, String text) {
    return Map.of("id", id, "actorId", actorId, "created", created, "review", text);
  }
}
