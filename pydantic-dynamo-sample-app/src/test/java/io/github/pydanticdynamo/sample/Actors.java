package io.github.pydanticdynamo.sample;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Test data through the API: unique actor ids, so that test classes share one table. */
final class Actors {
  private Actors() {}

  static String uniqueId(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String create(RestTestClient client, String name) {
    String id = uniqueId(name.toLowerCase().replace(' ', '-'));
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", id, "name", name))
        .exchange()
        .expectStatus()
        .isCreated();
    return id;
  }
}
