package io.github.pydanticdynamo.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code createTables = false} leaves table creation to the application's own settings. */
@SpringBootTest
@AutoConfigureLocalDynamoDb(createTables = false)
class AutoConfigureLocalDynamoDbWithoutTablesIntegrationTests {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  @Autowired DynamoDbClient client;
  @Autowired Environment environment;

  @Test
  void tableCreationIsOffAndTheClientStillReachesTheEngine() {
    assertThat(environment.getProperty("pydantic-dynamo.create-tables")).isEqualTo("false");
    assertThat(client.serviceClientConfiguration().endpointOverride())
        .contains(LocalDynamoDb.shared().endpoint());
  }
}
