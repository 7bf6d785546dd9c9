package io.github.pydanticdynamo.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where Docker runs: the application's {@code DynamoDbClient} reaches a {@code @ServiceConnection}
 * container with no property set by the test. Elsewhere, {@code
 * DynaliteContainerConnectionDetailsFactoryTests} and the process-based engine cover the rest.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class DynaliteServiceConnectionIntegrationTests {
  @Container @ServiceConnection static final DynaliteContainer dynalite = new DynaliteContainer();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  @Autowired DynamoDbClient client;
  @Autowired AwsConnectionDetails connection;

  @Test
  void theApplicationsClientUsesTheContainer() {
    assertThat(connection.getEndpoint()).isEqualTo(dynalite.endpoint());
    assertThat(client.serviceClientConfiguration().endpointOverride())
        .contains(dynalite.endpoint());
    assertThat(client.listTables().tableNames()).isEmpty();
  }
}
