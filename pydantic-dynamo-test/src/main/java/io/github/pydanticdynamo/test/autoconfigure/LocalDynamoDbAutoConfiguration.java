package io.github.pydanticdynamo.test.autoconfigure;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbProperties;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Points the application's DynamoDB clients at the local engine ({@link LocalDynamoDb#shared()}:
 * dynalite on a free loopback port, started once per JVM, or {@code PYDANTIC_DYNAMO_ENDPOINT}):
 * Spring Cloud AWS's {@code DynamoDbClient} and every {@code DynamoDbAsyncClient} built through
 * Spring Cloud AWS (the starter's among them) get the engine's endpoint, region and credentials.
 * Other AWS clients of the application (S3, SQS…) are left alone. Backs off when the context has an
 * {@link AwsConnectionDetails} bean, such as one from a {@code @ServiceConnection} container.
 *
 * <p>Tests use it through {@link AutoConfigureLocalDynamoDb @AutoConfigureLocalDynamoDb} or {@link
 * DataDynamoTest @DataDynamoTest}; a local run from the test classpath adds it to the application:
 *
 * <pre>{@code
 * SpringApplication.from(MyApplication::main).with(LocalDynamoDbAutoConfiguration.class).run(args);
 * }</pre>
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration",
    beforeName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnClass({DynamoDbClientCustomizer.class, AwsAsyncClientCustomizer.class})
@ConditionalOnMissingBean(AwsConnectionDetails.class)
public final class LocalDynamoDbAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(LocalDynamoDbAutoConfiguration.class);
  private static final AtomicBoolean announced = new AtomicBoolean();

  /** Created by Spring. */
  LocalDynamoDbAutoConfiguration() {}

  @Bean
  DynamoDbClientCustomizer localDynamoDbClientCustomizer() {
    LocalDynamoDb db = engine();
    return builder ->
        builder
            .endpointOverride(db.endpoint())
            .region(db.region())
            .credentialsProvider(db.credentials());
  }

  @Bean
  AwsAsyncClientCustomizer localDynamoDbAsyncClientCustomizer() {
    LocalDynamoDb db = engine();
    return builder -> {
      if (builder instanceof DynamoDbAsyncClientBuilder dynamo) {
        dynamo
            .endpointOverride(db.endpoint())
            .region(db.region())
            .credentialsProvider(db.credentials());
      }
    };
  }

  /**
   * Spring Cloud AWS resolves a region before any customizer runs, and its default chain fails on a
   * machine with no AWS region configured: give DynamoDB clients the engine's region when none is
   * set.
   */
  @Bean
  static BeanPostProcessor localDynamoDbRegionDefault() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DynamoDbProperties properties && properties.getRegion() == null) {
          properties.setRegion(LocalDynamoDb.shared().region().id());
        }
        return bean;
      }
    };
  }

  private static LocalDynamoDb engine() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    if (announced.compareAndSet(false, true)) {
      log.info(
          "DynamoDB clients point at {} ({})",
          db.endpoint(),
          db.server() == null ? LocalDynamoDb.ENDPOINT_VARIABLE : "local dynalite engine");
    }
    return db;
  }
}
