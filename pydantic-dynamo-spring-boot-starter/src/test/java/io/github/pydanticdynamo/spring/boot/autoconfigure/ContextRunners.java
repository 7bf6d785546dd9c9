package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import io.github.pydanticdynamo.spring.boot.fixtures.clash.LeadActor;
import io.github.pydanticdynamo.spring.boot.fixtures.empty.EmptyPackage;
import io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor;
import io.github.pydanticdynamo.spring.boot.fixtures.reserved.ReservedItem;
import io.github.pydanticdynamo.spring.boot.fixtures.tabled.AnnotatedTableItem;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Context runners and configurations shared by the tests. */
final class ContextRunners {
  /** Nothing listens here: the context must start without contacting DynamoDB. */
  static final String UNUSED_ENDPOINT = "http://127.0.0.1:9";

  /**
   * One HTTP client for the async clients of all runner contexts: an async client closes the HTTP
   * client it created itself, which waits out Netty's two-second quiet period, but leaves a given
   * one open.
   */
  private static final SdkAsyncHttpClient SHARED_HTTP_CLIENT =
      NettyNioAsyncHttpClient.builder().build();

  private ContextRunners() {}

  /** Spring Cloud AWS's auto-configurations and ours, with a region, credentials and endpoint. */
  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                CredentialsProviderAutoConfiguration.class,
                RegionProviderAutoConfiguration.class,
                AwsAutoConfiguration.class,
                DynamoDbAutoConfiguration.class,
                PydanticDynamoAutoConfiguration.class))
        .withPropertyValues(
            "spring.cloud.aws.region.static=us-east-1",
            "spring.cloud.aws.credentials.access-key=local",
            "spring.cloud.aws.credentials.secret-key=local",
            "spring.cloud.aws.dynamodb.endpoint=" + UNUSED_ENDPOINT,
            // nothing listens at the endpoint; tests of the table check turn it on
            "pydantic-dynamo.verify-tables=false")
        .withBean(
            "sharedHttpClientCustomizer",
            DynamoDbAsyncClientCustomizer.class,
            () -> builder -> builder.httpClient(SHARED_HTTP_CLIENT));
  }

  /** {@link #runner()} with the default table and prefix set. */
  static ApplicationContextRunner configuredRunner() {
    return runner()
        .withPropertyValues(
            "pydantic-dynamo.table-name=app-table", "pydantic-dynamo.partition-prefix=films");
  }

  static DynamoDbClient client() {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .endpointOverride(URI.create(UNUSED_ENDPOINT))
        .build();
  }

  static DynamoDbAsyncClient asyncClient() {
    return DynamoDbAsyncClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .endpointOverride(URI.create(UNUSED_ENDPOINT))
        .httpClient(SHARED_HTTP_CLIENT)
        .build();
  }

  /** The application's package holds FilmActor and ActorReview. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = FilmActor.class)
  static class FilmsPackage {}

  /** The application's package holds no entity. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = EmptyPackage.class)
  static class EmptyApplicationPackage {}

  /** Two entities that collide. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = LeadActor.class)
  static class ClashPackage {}

  /** An entity the repository rejects. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = ReservedItem.class)
  static class ReservedPackage {}

  /** Scans the films package plus one with a table named by its annotation, not the app's. */
  @Configuration(proxyBeanMethods = false)
  @DynamoEntityScan(basePackageClasses = AnnotatedTableItem.class)
  @AutoConfigurationPackage(basePackageClasses = FilmActor.class)
  static class ScanTabled {}
}
