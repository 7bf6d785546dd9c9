package io.github.pydanticdynamo.sample;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Points the application's DynamoDB clients at the local engine of {@code pydantic-dynamo-test}
 * ({@link LocalDynamoDb#shared()}: dynalite on a free loopback port, started on first use, stopped
 * with the JVM), through Spring Cloud AWS's {@link AwsConnectionDetails}: a connection-details bean
 * wins over the {@code spring.cloud.aws.*} endpoint, region and credentials properties, as Spring
 * Boot's service connections do. With {@code PYDANTIC_DYNAMO_ENDPOINT} set, that endpoint is used
 * instead, with the AWS default credentials.
 *
 * <pre>{@code
 * SpringApplication.from(SampleApplication::main).with(LocalEngineConfiguration.class).run(args);
 * }</pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalEngineConfiguration {
  private static final Logger log = LoggerFactory.getLogger(LocalEngineConfiguration.class);

  /** Created by Spring. */
  LocalEngineConfiguration() {}

  @Bean
  AwsConnectionDetails localDynamoDbConnectionDetails() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    // Dummy static credentials for dynalite; an external endpoint keeps the default chain.
    @Nullable AwsCredentials credentials =
        db.server() == null ? null : db.credentials().resolveCredentials();
    log.info(
        "DynamoDB endpoint: {} ({})",
        db.endpoint(),
        db.server() == null ? LocalDynamoDb.ENDPOINT_VARIABLE : "local dynalite engine");
    return new LocalConnectionDetails(db.endpoint(), db.region().id(), credentials);
  }

  private record LocalConnectionDetails(
      URI endpoint, String region, @Nullable AwsCredentials credentials)
      implements AwsConnectionDetails {

    @Override
    public URI getEndpoint() {
      return endpoint;
    }

    @Override
    public String getRegion() {
      return region;
    }

    @Override
    public @Nullable String getAccessKey() {
      return credentials == null ? null : credentials.accessKeyId();
    }

    @Override
    public @Nullable String getSecretKey() {
      return credentials == null ? null : credentials.secretAccessKey();
    }
  }
}
