package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every error is a problem detail, and an unexpected one shows the client nothing of its cause: no
 * exception name, message, stack trace or table name.
 */
@SampleAppTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests {
  @Autowired RestTestClient client;
  @Autowired DynamoDbClient dynamoDb;

  @Test
  void anUnexpectedErrorAnswersAGeneric500AndLogsTheDetail(CapturedOutput output) {
    String actor = Actors.create(client, "Tom Hanks");
    // A review written by some other program, whose "created" is not a time: reading it fails.
    dynamoDb.putItem(
        request ->
            request
                .tableName("films")
                .item(
                    Map.of(
                        "PARTITION_KEY", AttributeValue.fromS("sample#reviews#" + actor),
                        "SORT_KEY", AttributeValue.fromS("review#2024-05-01T00:00:00.000Z#bad"),
                        "id", AttributeValue.fromS("bad"),
                        "actorId", AttributeValue.fromS(actor),
                        "created", AttributeValue.fromS("secret-not-a-time"),
                        "review", AttributeValue.fromS("unreadable"))));

    byte[] body =
        client
            .get()
            .uri("/api/actors/{id}/reviews", actor)
            .exchange()
            .expectStatus()
            .isEqualTo(500)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.title")
            .isEqualTo("Internal Server Error")
            .jsonPath("$.status")
            .isEqualTo(500)
            .jsonPath("$.instance")
            .isEqualTo("/api/actors/" + actor + "/reviews")
            .returnResult()
            .getResponseBody();

    String text = new String(body, StandardCharsets.UTF_8);
    String incident = text.replaceAll("(?s).*\"incident\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    assertThat(incident).hasSize(36);
    assertThat(text)
        .contains("it logged the incident " + incident)
        .doesNotContain("Exception", "exception", "trace", "\tat ", "secret-not-a-time")
        .doesNotContain("films", "sample#", "SORT_KEY", "io.github");
    assertThat(output)
        .contains("Unexpected error (incident " + incident + ")")
        .contains("ItemMappingException")
        .contains("\tat ");
  }

  @Test
  void anUnknownPathAnswers404ProblemDetail() {
    client
        .get()
        .uri("/api/films")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.instance")
        .isEqualTo("/api/films");
  }

  @Test
  void malformedJsonAnswers400WithoutParserInternals() {
    byte[] body =
        client
            .post()
            .uri("/api/actors")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\": \"x\", \"name\": ")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Failed to read request")
            .returnResult()
            .getResponseBody();
    assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Exception", "jackson");
  }

  @Test
  void anUnsupportedMethodOrMediaTypeAnswersItsProblemDetail() {
    client
        .delete()
        .uri("/api/actors")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .post()
        .uri("/api/actors")
        .contentType(MediaType.TEXT_PLAIN)
        .body("Tom Hanks")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
