package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbProperties;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.spring.boot.health.DynamoTableHealthIndicator;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Auto-configuration of pydantic-dynamo: a {@code DynamoRepository<E>} and an {@code
 * AsyncDynamoRepository<E>} bean for every {@link
 * io.github.pydanticdynamo.DynamoEntity @DynamoEntity} in the application's packages (or those
 * named by {@link DynamoEntityScan}), configured by {@link PydanticDynamoProperties}. The
 * synchronous {@code DynamoDbClient} comes from Spring Cloud AWS; this configuration adds the
 * {@code DynamoDbAsyncClient} from the same {@code spring.cloud.aws.*} settings. Every bean backs
 * off when the application defines its own. Before the first repository is built, every table the
 * entities use is checked once ({@code pydantic-dynamo.verify-tables}, on by default). With Spring
 * Boot's health module, a health contributor {@code pydanticDynamo} checks each table; with
 * Micrometer, each repository operation is observed as {@value
 * io.github.pydanticdynamo.spring.boot.observation.ObservedDynamoRepository#OBSERVATION_NAME}.
 *
 * <pre>{@code
 * @Service
 * class ActorService {
 *   ActorService(DynamoRepository<FilmActor> actors) { ... }
 * }
 * }</pre>
 */
@AutoConfiguration(
    afterName = {
      "io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass({DynamoDbClient.class, DynamoDbAsyncClient.class, DynamoRepository.class})
@ConditionalOnBooleanProperty(name = "pydantic-dynamo.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PydanticDynamoProperties.class)
@Import(DynamoRepositoriesRegistrar.class)
public final class PydanticDynamoAutoConfiguration {
  private static final String VALIDATOR_CLASS = "jakarta.validation.Validator";

  /** Created by Spring. */
  PydanticDynamoAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  PydanticDynamoObjectMapper pydanticDynamoObjectMapper(
      ObjectProvider<PydanticDynamoObjectMapperCustomizer> customizers) {
    return PydanticDynamoObjectMapper.withDefaults(customizers.orderedStream());
  }

  @Bean
  @ConditionalOnMissingBean
  DynamoRepositoryFactory pydanticDynamoRepositoryFactory(
      DynamoEntityCatalog catalog,
      PydanticDynamoProperties properties,
      ObjectProvider<DynamoDbClient> client,
      ObjectProvider<DynamoDbAsyncClient> asyncClient,
      PydanticDynamoObjectMapper objectMapper,
      ObjectProvider<RepositoryDecorator> decorators,
      ObjectProvider<DynamoTableVerifier> tableVerifier,
      BeanFactory beanFactory) {
    tableVerifier.getIfAvailable(); // the tables are checked (or made) before any repository
    return new DynamoRepositoryFactory(
        catalog,
        properties,
        client,
        asyncClient,
        objectMapper,
        validator(beanFactory),
        decorators.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "pydantic-dynamo.create-tables")
  DynamoTableCreator pydanticDynamoTableCreator(DynamoDbClient client) {
    return new DynamoTableCreator(client);
  }

  @Bean
  @ConditionalOnMissingBean
  DynamoTableVerifier pydanticDynamoTableVerifier(
      DynamoEntityCatalog catalog,
      PydanticDynamoProperties properties,
      ObjectProvider<DynamoDbAsyncClient> asyncClient,
      ObjectProvider<DynamoDbClient> client,
      ObjectProvider<DynamoTableCreator> creator) {
    DynamoTableCreator tableCreator = creator.getIfAvailable();
    boolean work = properties.verifyTables() || tableCreator != null;
    DynamoTableVerifier verifier =
        new DynamoTableVerifier(
            work ? asyncClient.getIfAvailable() : null,
            work ? client.getIfAvailable() : null,
            catalog,
            properties.verifyTables(),
            tableCreator);
    verifier.run();
    return verifier;
  }

  private static @Nullable Object validator(BeanFactory beanFactory) {
    ClassLoader classLoader =
        beanFactory instanceof ConfigurableBeanFactory configurable
                && configurable.getBeanClassLoader() != null
            ? configurable.getBeanClassLoader()
            : PydanticDynamoAutoConfiguration.class.getClassLoader();
    if (!ClassUtils.isPresent(VALIDATOR_CLASS, classLoader)) {
      return null;
    }
    return beanFactory
        .getBeanProvider(ClassUtils.resolveClassName(VALIDATOR_CLASS, classLoader))
        .getIfUnique();
  }

  /**
   * The {@code pydantic-dynamo.client} timeouts on Spring Cloud AWS's {@code DynamoDbClient} and
   * the starter's {@code DynamoDbAsyncClient}; a bean of the same name replaces either.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AwsClientBuilderConfigurer.class)
  static class ClientTimeoutConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "pydanticDynamoClientTimeouts")
    ClientTimeouts.Sync pydanticDynamoClientTimeouts(PydanticDynamoProperties properties) {
      return new ClientTimeouts.Sync(properties.client());
    }

    @Bean
    @ConditionalOnMissingBean(name = "pydanticDynamoAsyncClientTimeouts")
    ClientTimeouts.Async pydanticDynamoAsyncClientTimeouts(PydanticDynamoProperties properties) {
      return new ClientTimeouts.Async(properties.client());
    }
  }

  /** The asynchronous client, from the same Spring Cloud AWS settings as the synchronous one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AwsClientBuilderConfigurer.class)
  @ConditionalOnBean(AwsClientBuilderConfigurer.class)
  static class AsyncClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DynamoDbAsyncClient dynamoDbAsyncClient(
        AwsClientBuilderConfigurer configurer,
        ObjectProvider<DynamoDbProperties> dynamoDbProperties,
        ObjectProvider<AwsConnectionDetails> connectionDetails,
        ObjectProvider<DynamoDbAsyncClientCustomizer> customizers,
        ObjectProvider<AwsAsyncClientCustomizer> asyncCustomizers,
        Environment environment) {
      DynamoDbProperties properties =
          dynamoDbProperties.getIfAvailable(
              () ->
                  Binder.get(environment)
                      .bindOrCreate(DynamoDbProperties.PREFIX, DynamoDbProperties.class));
      DynamoDbAsyncClientBuilder builder =
          configurer.configureAsyncClient(
              DynamoDbAsyncClient.builder(),
              properties,
              connectionDetails.getIfAvailable(),
              customizers.orderedStream(),
              asyncCustomizers.orderedStream());
      return builder.build();
    }
  }

  /** A health contributor {@code pydanticDynamo} with one indicator per table. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("pydantic-dynamo")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "pydanticDynamoHealthContributor")
    @ConditionalOnBean(DynamoDbClient.class)
    CompositeHealthContributor pydanticDynamoHealthContributor(
        DynamoEntityCatalog catalog, DynamoDbClient client) {
      Map<String, HealthIndicator> tables = new LinkedHashMap<>();
      for (EntityTable table : catalog.tables()) {
        tables.put(
            table.name(),
            new DynamoTableHealthIndicator(
                client, table.name(), table.layout(), table.keySettings()));
      }
      return CompositeHealthContributor.fromMap(tables);
    }
  }

  /** Observes every repository operation when Micrometer Observation is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  static class ObservationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RepositoryObservations pydanticDynamoRepositoryObservations(
        ObjectProvider<ObservationRegistry> registry) {
      return new RepositoryObservations(registry);
    }
  }
}
