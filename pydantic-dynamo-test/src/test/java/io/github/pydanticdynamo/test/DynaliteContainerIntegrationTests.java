package io.github.pydanticdynamo.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs only where Docker is available; the process-based engine covers every other machine. */
@Testcontainers(disabledWithoutDocker = true)
class DynaliteContainerIntegrationTests {
  @Container static final DynaliteContainer dynalite = new DynaliteContainer();

  @Test
  void theContainerServesDynamoDb() {
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(dynalite.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build()) {
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }
}
