package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.github.pydanticdynamo.DynamoRepository;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The starter's client timeouts and its token key, without an engine. */
class ClientTimeoutsAndTokenKeyTests {
  private static final String KEY = "c2VhbGVkLXRva2Vucy10ZXN0LWtleS0zMi1ieXRlcyE=";

  private static ApplicationContextRunner films() {
    return ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class);
  }

  private static ClientOverrideConfiguration sync(
      org.springframework.context.ApplicationContext context) {
    return context
        .getBean(DynamoDbClient.class)
        .serviceClientConfiguration()
        .overrideConfiguration();
  }

  private static ClientOverrideConfiguration async(
      org.springframework.context.ApplicationContext context) {
    return context
        .getBean(DynamoDbAsyncClient.class)
        .serviceClientConfiguration()
        .overrideConfiguration();
  }

  @Test
  void bothClientsGetTwentySecondCallsAndFiveSecondAttemptsByDefault() {
    films()
        .run(
            context -> {
              for (ClientOverrideConfiguration config :
                  new ClientOverrideConfiguration[] {sync(context), async(context)}) {
                assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(20));
                assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
              }
            });
  }

  @Test
  void theTimeoutsAreProperties() {
    films()
        .withPropertyValues(
            "pydantic-dynamo.client.api-call-timeout=7s",
            "pydantic-dynamo.client.api-call-attempt-timeout=1500ms")
        .run(
            context -> {
              for (ClientOverrideConfiguration config :
                  new ClientOverrideConfiguration[] {sync(context), async(context)}) {
                assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(7));
                assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofMillis(1500));
              }
            });
  }

  @Test
  void zeroSetsNoTimeout() {
    films()
        .withPropertyValues(
            "pydantic-dynamo.client.api-call-timeout=0s",
            "pydantic-dynamo.client.api-call-attempt-timeout=0s")
        .run(
            context -> {
              assertThat(sync(context).apiCallTimeout()).isEmpty();
              assertThat(async(context).apiCallAttemptTimeout()).isEmpty();
            });
  }

  @Test
  void aTimeoutACustomizerSetIsNeverOverridden() {
    films()
        .withBean(
            "userSyncTimeouts",
            DynamoDbClientCustomizer.class,
            () ->
                builder ->
                    builder.overrideConfiguration(
                        builder.overrideConfiguration().toBuilder()
                            .apiCallTimeout(Duration.ofSeconds(3))
                            .build()))
        .withBean(
            "userAsyncTimeouts",
            DynamoDbAsyncClientCustomizer.class,
            () ->
                builder ->
                    builder.overrideConfiguration(
                        builder.overrideConfiguration().toBuilder()
                            .apiCallAttemptTimeout(Duration.ofSeconds(9))
                            .build()))
        .run(
            context -> {
              assertThat(sync(context).apiCallTimeout()).contains(Duration.ofSeconds(3));
              assertThat(sync(context).apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
              assertThat(async(context).apiCallTimeout()).contains(Duration.ofSeconds(20));
              assertThat(async(context).apiCallAttemptTimeout()).contains(Duration.ofSeconds(9));
            });
  }

  @Test
  void aBeanOfTheSameNameReplacesTheStartersTimeouts() {
    films()
        .withBean(
            "pydanticDynamoClientTimeouts", DynamoDbClientCustomizer.class, () -> builder -> {})
        .run(context -> assertThat(sync(context).apiCallTimeout()).isEmpty());
  }

  @Test
  void aTokenKeyBindsAndBuildsTheRepositoriesButNeverShows() {
    films()
        .withPropertyValues("pydantic-dynamo.token-key=" + KEY)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(DynamoRepository.class)).hasSize(2);
              PydanticDynamoProperties properties = context.getBean(PydanticDynamoProperties.class);
              assertThat(properties.tokenKey()).isEqualTo(KEY);
              assertThat(properties.toString())
                  .contains("tokenKey=[set]")
                  .contains("apiCallTimeout=PT20S")
                  .doesNotContain(KEY);
            });
  }

  @Test
  void theMetadataDocumentsTheTokenKeyAndTheTimeoutsWithTheirDefaults() throws Exception {
    JsonNode metadata;
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new HashMap<>();
    metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    assertThat(properties.get("pydantic-dynamo.token-key").get("description").asText())
        .contains("restart")
        .contains("load balancer");
    assertThat(
            Optional.ofNullable(properties.get("pydantic-dynamo.client.api-call-timeout"))
                .map(p -> p.get("defaultValue").asText()))
        .contains("20s");
    assertThat(
            Optional.ofNullable(properties.get("pydantic-dynamo.client.api-call-attempt-timeout"))
                .map(p -> p.get("defaultValue").asText()))
        .contains("5s");
  }
}
