package io.github.pydanticdynamo.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A whole application (every auto-configuration on this classpath) under
 * {@code @AutoConfigureLocalDynamoDb}: its client reaches the engine although the application's own
 * properties name another endpoint, with no property source written by the test.
 */
@SpringBootTest(properties = "spring.cloud.aws.dynamodb.endpoint=http://127.0.0.1:9")
@AutoConfigureLocalDynamoDb
class AutoConfigureLocalDynamoDbIntegrationTests {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  @Autowired DynamoDbClient client;
  @Autowired Environment environment;

  @Test
  void theApplicationsClientWritesWhatTheEngineHolds() {
    TestTable table = LocalDynamoDb.shared().createTable("PK", "SK");
    client.putItem(
        put ->
            put.tableName(table.name())
                .item(
                    Map.of(
                        "PK", AttributeValue.fromS("actors"),
                        "SK", AttributeValue.fromS("tom-hanks"),
                        "name", AttributeValue.fromS("Tom Hanks"))));
    assertThat(table.scanAll())
        .singleElement()
        .satisfies(item -> assertThat(item.get("name").s()).isEqualTo("Tom Hanks"));
    table.delete();
  }

  @Test
  void theStarterIsAskedToCreateTheEntitiesTables() {
    assertThat(environment.getProperty("pydantic-dynamo.create-tables")).isEqualTo("true");
  }
}
