package io.github.pydanticdynamo.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbProperties;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** {@link LocalDynamoDbAutoConfiguration} with Spring Cloud AWS's own auto-configurations. */
class LocalDynamoDbAutoConfigurationTests {
  private static final String ELSEWHERE = "http://127.0.0.1:9";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  RegionProviderAutoConfiguration.class,
                  CredentialsProviderAutoConfiguration.class,
                  AwsAutoConfiguration.class,
                  DynamoDbAutoConfiguration.class,
                  LocalDynamoDbAutoConfiguration.class));

  /** Builds async clients the way the pydantic-dynamo starter does, through Spring Cloud AWS. */
  @Configuration(proxyBeanMethods = false)
  static class AsyncClients {
    @Bean
    DynamoDbAsyncClient dynamoDbAsyncClient(
        AwsClientBuilderConfigurer configurer,
        DynamoDbProperties properties,
        ObjectProvider<AwsAsyncClientCustomizer> customizers) {
      return configurer
          .configureAsyncClient(
              DynamoDbAsyncClient.builder(), properties, null, null, customizers.orderedStream())
          .build();
    }

    @Bean
    DynamoDbStreamsAsyncClient streamsAsyncClient(
        AwsClientBuilderConfigurer configurer,
        DynamoDbProperties properties,
        ObjectProvider<AwsAsyncClientCustomizer> customizers) {
      return configurer
          .configureAsyncClient(
              DynamoDbStreamsAsyncClient.builder(),
              properties,
              null,
              null,
              customizers.orderedStream())
          .build();
    }
  }

  /** A connection the application (or a {@code @ServiceConnection}) chose itself. */
  @Configuration(proxyBeanMethods = false)
  static class OwnConnection {
    @Bean
    AwsConnectionDetails ownConnectionDetails() {
      return new AwsConnectionDetails() {
        @Override
        public URI getEndpoint() {
          return URI.create(ELSEWHERE);
        }

        @Override
        public String getRegion() {
          return "eu-west-3";
        }
      };
    }
  }

  @Test
  void theSyncClientTalksToTheLocalEngineWhateverTheEndpointProperty() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    TestTable table = db.createTable("PK", "SK");
    runner
        .withPropertyValues(
            "spring.cloud.aws.dynamodb.endpoint=" + ELSEWHERE,
            "spring.cloud.aws.region.static=eu-west-2")
        .run(
            context -> {
              DynamoDbClient client = context.getBean(DynamoDbClient.class);
              assertThat(client.serviceClientConfiguration().endpointOverride())
                  .contains(db.endpoint());
              assertThat(client.serviceClientConfiguration().region()).isEqualTo(db.region());
              assertThat(client.listTables().tableNames()).contains(table.name());
            });
    table.delete();
  }

  @Test
  void asyncDynamoDbClientsTalkToTheEngineAndOtherAsyncClientsAreLeftAlone() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    TestTable table = db.createTable("PK", "SK");
    runner
        .withUserConfiguration(AsyncClients.class)
        .withPropertyValues("spring.cloud.aws.endpoint=" + ELSEWHERE)
        .run(
            context -> {
              DynamoDbAsyncClient dynamo = context.getBean(DynamoDbAsyncClient.class);
              assertThat(dynamo.serviceClientConfiguration().endpointOverride())
                  .contains(db.endpoint());
              assertThat(dynamo.listTables().join().tableNames()).contains(table.name());
              DynamoDbStreamsAsyncClient streams =
                  context.getBean(DynamoDbStreamsAsyncClient.class);
              assertThat(streams.serviceClientConfiguration().endpointOverride())
                  .contains(URI.create(ELSEWHERE));
            });
    table.delete();
  }

  @Test
  void dynamoDbClientsGetTheEnginesRegionWhenNoneIsConfigured() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(DynamoDbProperties.class).getRegion())
              .isEqualTo(LocalDynamoDb.shared().region().id());
        });
    runner
        .withPropertyValues("spring.cloud.aws.dynamodb.region=ap-south-1")
        .run(
            context -> {
              assertThat(context.getBean(DynamoDbProperties.class).getRegion())
                  .isEqualTo("ap-south-1");
              assertThat(
                      context.getBean(DynamoDbClient.class).serviceClientConfiguration().region())
                  .isEqualTo(LocalDynamoDb.shared().region());
            });
  }

  @Test
  void backsOffWhenTheContextHasConnectionDetails() {
    runner
        .withUserConfiguration(OwnConnection.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("localDynamoDbClientCustomizer");
              assertThat(context).doesNotHaveBean("localDynamoDbAsyncClientCustomizer");
              DynamoDbClient client = context.getBean(DynamoDbClient.class);
              assertThat(client.serviceClientConfiguration().endpointOverride())
                  .contains(URI.create(ELSEWHERE));
              assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
            });
  }
}
