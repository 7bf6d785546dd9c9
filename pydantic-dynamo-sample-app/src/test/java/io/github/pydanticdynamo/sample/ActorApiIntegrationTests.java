package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code /api/actors}: create, read, list and update with optimistic versions. */
@SampleAppTest
class ActorApiIntegrationTests {
  private static final ParameterizedTypeReference<List<String>> STRINGS =
      new ParameterizedTypeReference<>() {};

  @Autowired RestTestClient client;

  @Test
  void createAnswers201WithLocationETagAndVersionOne() {
    String id = Actors.uniqueId("tom-hanks");
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", id, "name", "Tom Hanks", "review", "Two Oscars"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/actors/" + id)
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"1\"")
        .expectBody()
        .json(
            "{\"id\":\""
                + id
                + "\",\"name\":\"Tom Hanks\",\"review\":\"Two Oscars\",\"version\":1}");
  }

  @Test
  void createWithATakenIdAnswers409() {
    String id = Actors.create(client, "Meg Ryan");
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", id, "name", "Someone Else"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Actor exists")
        .jsonPath("$.actorId")
        .isEqualTo(id);
  }

  @Test
  void getAnswersTheActorWithItsETag() {
    String id = Actors.create(client, "Meg Ryan");
    client
        .get()
        .uri("/api/actors/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"1\"")
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Meg Ryan")
        .jsonPath("$.version")
        .isEqualTo(1)
        .jsonPath("$.review")
        .doesNotExist();
  }

  @Test
  void getOfAMissingActorAnswers404ProblemDetail() {
    client
        .get()
        .uri("/api/actors/nobody-here")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .json(
            """
            {"title": "Actor not found", "status": 404,
             "detail": "no actor has the id 'nobody-here'", "instance": "/api/actors/nobody-here",
             "actorId": "nobody-here"}
            """);
  }

  @Test
  void listShowsEveryActorOfTheOnePartition() {
    String first = Actors.create(client, "Tom Hanks");
    String second = Actors.create(client, "Meg Ryan");
    client
        .get()
        .uri("/api/actors")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].id")
        .value(STRINGS, ids -> assertThat(ids).contains(first, second))
        .jsonPath("$[?(@.id in ['" + first + "','" + second + "'])].name")
        .value(
            STRINGS, names -> assertThat(names).containsExactlyInAnyOrder("Tom Hanks", "Meg Ryan"));
  }

  @Test
  void updateWithIfMatchAnswersTheNewStateAndVersion() {
    String id = Actors.create(client, "Tom Hanks");
    client
        .patch()
        .uri("/api/actors/{id}", id)
        .header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("review", "Versatile"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"2\"")
        .expectBody()
        .json("{\"name\":\"Tom Hanks\",\"review\":\"Versatile\",\"version\":2}");
  }

  @Test
  void updateWithAStaleIfMatchAnswers409WithBothVersions() {
    String id = Actors.create(client, "Tom Hanks");
    patch(id, "\"1\"", Map.of("name", "Thomas Hanks")).expectStatus().isOk();

    patch(id, "\"1\"", Map.of("name", "Tom"))
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"2\"")
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Version conflict")
        .jsonPath("$.status")
        .isEqualTo(409)
        .jsonPath("$.expectedVersion")
        .isEqualTo(1)
        .jsonPath("$.storedVersion")
        .isEqualTo(2)
        .jsonPath("$.detail")
        .isEqualTo("the item is at version 2, not 1; read it again and send its current ETag");
    client
        .get()
        .uri("/api/actors/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Thomas Hanks");
  }

  @Test
  void updateWithAVersionFieldChecksItToo() {
    String id = Actors.create(client, "Tom Hanks");
    patch(id, null, Map.of("review", "Good", "version", 1)).expectStatus().isOk();
    patch(id, null, Map.of("review", "Bad", "version", 1))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.storedVersion")
        .isEqualTo(2);
  }

  @Test
  void updateWithoutAVersionOrWithAStarUpdatesWhateverIsStored() {
    String id = Actors.create(client, "Tom Hanks");
    patch(id, null, Map.of("review", "One")).expectStatus().isOk();
    patch(id, "*", Map.of("review", "Two"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(3);
  }

  @Test
  void updateOfAMissingActorAnswers404FromItemNotFound() {
    patch("nobody-at-all", "\"1\"", Map.of("review", "x"))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Not found")
        .jsonPath("$.detail")
        .isEqualTo("nothing is stored under [nobody-at-all] to update; create it first");
  }

  @Test
  void updateThatChangesNothingAnswers400FromInvalidCommand() {
    String id = Actors.create(client, "Tom Hanks");
    patch(id, null, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Invalid request")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("changes nothing"));
  }

  @Test
  void updateWithDisagreeingVersionsOrABadIfMatchAnswers400() {
    String id = Actors.create(client, "Tom Hanks");
    patch(id, "\"1\"", Map.of("review", "x", "version", 2))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("If-Match names version 1 but the body names version 2; send one of them");
    patch(id, "\"abc\"", Map.of("review", "x"))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void invalidNewActorAnswers400WithAMessagePerField() {
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", "Not An Id!", "name", " "))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .json(
            """
            {"title": "Invalid request", "status": 400, "detail": "2 fields are invalid: see errors",
             "instance": "/api/actors",
             "errors": [
               {"field": "id", "message": "must be 1 to 64 lower-case letters, digits or dashes, starting with a letter or digit"},
               {"field": "name", "message": "must not be blank"}]}
            """);
  }

  @Test
  void invalidUpdateAndPathAnswer400WithAMessagePerField() {
    patch("Bad Id", null, Map.of("name", " ", "version", 0))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(STRINGS, fields -> assertThat(fields).containsExactly("id", "name", "version"));
  }

  private RestTestClient.ResponseSpec patch(
      String id, @Nullable String ifMatch, Map<String, ?> body) {
    RestTestClient.RequestBodySpec request = client.patch().uri("/api/actors/{id}", id);
    if (ifMatch != null) {
      request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }

  @Test
  void nameSearchFindsActorsThroughTheIndexAndFollowsRenames() {
    String unique = "Zed" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String first = Actors.create(client, unique + " Alpha");
    String second = Actors.create(client, unique + " Beta");
    Actors.create(client, "Other " + unique);

    client
        .get()
        .uri(b -> b.path("/api/actors").queryParam("name", unique).build())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].id")
        .value(STRINGS, ids -> assertThat(ids).containsExactly(first, second));

    client
        .patch()
        .uri("/api/actors/{id}", first)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "Renamed " + unique))
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri(b -> b.path("/api/actors").queryParam("name", unique).build())
        .exchange()
        .expectBody()
        .jsonPath("$[*].id")
        .value(STRINGS, ids -> assertThat(ids).containsExactly(second));
  }

  @Test
  void deleteRemovesExactlyThatActorAtTheVersionGiven() {
    String id = Actors.create(client, "Tom Hanks");
    String junior = id + "-jr";
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", junior, "name", "Tom Hanks Jr"))
        .exchange()
        .expectStatus()
        .isCreated();

    client
        .delete()
        .uri("/api/actors/{id}", id)
        .header(HttpHeaders.IF_MATCH, "\"2\"")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.storedVersion")
        .isEqualTo(1);
    client
        .delete()
        .uri("/api/actors/{id}", id)
        .header(HttpHeaders.IF_MATCH, "\"1\"")
        .exchange()
        .expectStatus()
        .isNoContent();

    client.get().uri("/api/actors/{id}", id).exchange().expectStatus().isNotFound();
    client.get().uri("/api/actors/{id}", junior).exchange().expectStatus().isOk();
    client
        .delete()
        .uri("/api/actors/{id}", id)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.actorId")
        .isEqualTo(id);
  }
}
