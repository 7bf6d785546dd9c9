package io.github.pydanticdynamo.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code /actuator/health} shows the starter's check of the table. */
@SampleAppTest
class HealthIntegrationTests {
  @Autowired RestTestClient client;

  @Test
  void healthIsUpWithTheTableAndItsKeys() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.pydanticDynamo.status")
        .isEqualTo("UP")
        .jsonPath("$.components.pydanticDynamo.components.films.status")
        .isEqualTo("UP")
        .jsonPath("$.components.pydanticDynamo.components.films.details.table")
        .isEqualTo("films")
        .jsonPath("$.components.pydanticDynamo.components.films.details.partitionKey")
        .isEqualTo("PARTITION_KEY")
        .jsonPath("$.components.pydanticDynamo.components.films.details.sortKey")
        .isEqualTo("SORT_KEY");
  }
}
