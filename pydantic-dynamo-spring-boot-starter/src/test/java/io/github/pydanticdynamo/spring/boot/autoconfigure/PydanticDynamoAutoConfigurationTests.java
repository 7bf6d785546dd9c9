package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RepositoryBuilder;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.spring.boot.fixtures.app.ActorService;
import io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview;
import io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor;
import io.github.pydanticdynamo.spring.boot.fixtures.tabled.AnnotatedTableItem;
import io.github.pydanticdynamo.spring.boot.fixtures.validated.Rating;
import io.github.pydanticdynamo.spring.boot.observation.ObservedAsyncDynamoRepository;
import io.github.pydanticdynamo.spring.boot.observation.ObservedDynamoRepository;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class PydanticDynamoAutoConfigurationTests {

  @Test
  void defaultsGiveEveryEntityOfTheApplicationPackageBothRepositories() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanNamesForType(DynamoRepository.class))
                  .containsExactlyInAnyOrder(
                      "actorReviewDynamoRepository", "filmActorDynamoRepository");
              assertThat(context.getBeanNamesForType(AsyncDynamoRepository.class))
                  .containsExactlyInAnyOrder(
                      "actorReviewAsyncDynamoRepository", "filmActorAsyncDynamoRepository");
              assertThat(context).hasSingleBean(DynamoDbAsyncClient.class);
              assertThat(context).hasSingleBean(PydanticDynamoObjectMapper.class);

              RepositorySettings actors = repository(context, FilmActor.class).settings();
              assertThat(actors.tableName()).isEqualTo("app-table");
              assertThat(actors.partitionKey()).isEqualTo(RepositoryBuilder.DEFAULT_PARTITION_KEY);
              assertThat(actors.sortKey()).isEqualTo(RepositoryBuilder.DEFAULT_SORT_KEY);
              assertThat(actors.partitionPrefix()).isEqualTo("films");
              assertThat(actors.partitionName()).isEqualTo("actors");
              assertThat(actors.contentType()).isEqualTo("actor");
              assertThat(actors.consistentReads()).isFalse();
              assertThat(actors.hideExpired()).isFalse();

              RepositorySettings reviews = asyncRepository(context, ActorReview.class).settings();
              assertThat(reviews.contentType()).isEqualTo("ActorReview");
              assertThat(reviews.partitionName()).isEqualTo("ActorReview");
              assertThat(reviews.batchSettings())
                  .isEqualTo(io.github.pydanticdynamo.BatchSettings.defaults());
            });
  }

  @Test
  void twoEntityRepositoriesAreInjectedSideBySideByGenericType() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withBean(ActorService.class)
        .run(
            context -> {
              ActorService service = context.getBean(ActorService.class);
              assertThat(service.actors().settings().modelType()).isEqualTo(FilmActor.class);
              assertThat(service.reviews().settings().modelType()).isEqualTo(ActorReview.class);
              assertThat(service.asyncActors().settings().modelType()).isEqualTo(FilmActor.class);
              assertThat(service.actors()).isSameAs(context.getBean("filmActorDynamoRepository"));
            });
  }

  @Test
  void springCloudAwsBeansStayAlongside() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(DynamoDbClient.class);
              assertThat(context).hasSingleBean(DynamoDbEnhancedClient.class);
              assertThat(context).hasSingleBean(DynamoDbTemplate.class);
              assertThat(context).hasSingleBean(DynamoDbAsyncClient.class);
            });
  }

  @Test
  void asyncClientTakesRegionAndEndpointFromSpringCloudAws() {
    ContextRunners.configuredRunner()
        .withPropertyValues("spring.cloud.aws.dynamodb.region=eu-west-1")
        .run(
            context -> {
              DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
              assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
              assertThat(client.serviceClientConfiguration().endpointOverride())
                  .contains(URI.create(ContextRunners.UNUSED_ENDPOINT));
            });
  }

  @Test
  void asyncClientFallsBackToTheGlobalEndpoint() {
    ContextRunners.configuredRunner()
        .withPropertyValues(
            "spring.cloud.aws.dynamodb.endpoint=", "spring.cloud.aws.endpoint=http://127.0.0.1:7")
        .run(
            context -> {
              DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
              assertThat(client.serviceClientConfiguration().endpointOverride())
                  .contains(URI.create("http://127.0.0.1:7"));
              assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
            });
  }

  @Test
  void asyncClientIsCreatedWhenSpringCloudAwsDynamoDbIsDisabled() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserSyncClient.class)
        .withPropertyValues("spring.cloud.aws.dynamodb.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DynamoDbTemplate.class);
              assertThat(
                      context
                          .getBean(DynamoDbAsyncClient.class)
                          .serviceClientConfiguration()
                          .endpointOverride())
                  .contains(URI.create(ContextRunners.UNUSED_ENDPOINT));
              assertThat(asyncRepository(context, FilmActor.class)).isNotNull();
            });
  }

  @Test
  void asyncClientCustomizersApply() {
    ContextRunners.configuredRunner()
        .withBean(
            DynamoDbAsyncClientCustomizer.class,
            () -> builder -> builder.endpointOverride(URI.create("http://127.0.0.1:8")))
        .run(
            context ->
                assertThat(
                        context
                            .getBean(DynamoDbAsyncClient.class)
                            .serviceClientConfiguration()
                            .endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8")));
  }

  @Test
  void userClientsWin() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserClients.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(DynamoDbClient.class);
              assertThat(context).hasSingleBean(DynamoDbAsyncClient.class);
              assertThat(context).hasBean("userClient").hasBean("userAsyncClient");
              assertThat(context).doesNotHaveBean("dynamoDbAsyncClient");
              assertThat(repository(context, FilmActor.class)).isNotNull();
            });
  }

  @Test
  void userRepositoryOfTheSameGenericTypeWins() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserActorRepository.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("filmActorDynamoRepository");
              assertThat(repository(context, FilmActor.class))
                  .isSameAs(context.getBean("userActors"));
              assertThat(repository(context, FilmActor.class).settings().tableName())
                  .isEqualTo("user-table");
              // only the exact generic type backs off
              assertThat(context).hasBean("filmActorAsyncDynamoRepository");
              assertThat(context).hasBean("actorReviewDynamoRepository");
            });
  }

  @Test
  void userAsyncRepositoryOfTheSameGenericTypeWins() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserAsyncActorRepository.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("filmActorAsyncDynamoRepository");
              assertThat(asyncRepository(context, FilmActor.class))
                  .isSameAs(context.getBean("userAsyncActors"));
              assertThat(context).hasBean("filmActorDynamoRepository");
            });
  }

  @Test
  void disabledCreatesNothing() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues("pydantic-dynamo.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(DynamoRepository.class);
              assertThat(context).doesNotHaveBean(AsyncDynamoRepository.class);
              assertThat(context).doesNotHaveBean(DynamoDbAsyncClient.class);
              assertThat(context).doesNotHaveBean(PydanticDynamoObjectMapper.class);
              assertThat(context).doesNotHaveBean(PydanticDynamoProperties.class);
              assertThat(context).hasSingleBean(DynamoDbClient.class);
            });
  }

  @Test
  void backsOffWithoutTheAwsSdk() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withClassLoader(new FilteredClassLoader(DynamoDbClient.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(PydanticDynamoProperties.class);
              assertThat(context).doesNotHaveBean(DynamoRepository.class);
            });
  }

  @Test
  void withoutSpringCloudAwsTheApplicationSuppliesTheClients() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PydanticDynamoAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(AwsClientBuilderConfigurer.class))
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserClients.class)
        .withPropertyValues(
            "pydantic-dynamo.table-name=app-table",
            "pydantic-dynamo.partition-prefix=films",
            "pydantic-dynamo.verify-tables=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("dynamoDbAsyncClient");
              assertThat(asyncRepository(context, FilmActor.class)).isNotNull();
            });
  }

  @Test
  void withoutAnAsyncClientTheFailureNamesTheMissingBean() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PydanticDynamoAutoConfiguration.class))
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserSyncClient.class)
        .withPropertyValues(
            "pydantic-dynamo.table-name=app-table",
            "pydantic-dynamo.partition-prefix=films",
            "pydantic-dynamo.verify-tables=false")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(PydanticDynamoConfigurationException.class)
                  .hasMessageContaining("DynamoDbAsyncClient");
            });
  }

  @Test
  void noEntitiesGiveNoRepositories() {
    ContextRunners.runner()
        .withUserConfiguration(ContextRunners.EmptyApplicationPackage.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DynamoRepository.class);
              assertThat(context).doesNotHaveBean(AsyncDynamoRepository.class);
              assertThat(context.getBean(DynamoEntityCatalog.class).definitions()).isEmpty();
            });
  }

  @Test
  void noApplicationPackageGivesNoRepositories() {
    ContextRunners.runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DynamoRepository.class);
            });
  }

  @Test
  void dynamoEntityScanReplacesTheApplicationPackages() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.ScanTabled.class)
        .run(
            context -> {
              assertThat(context.getBeanNamesForType(DynamoRepository.class))
                  .containsExactly("annotatedTableItemDynamoRepository");
              assertThat(repository(context, AnnotatedTableItem.class).settings().tableName())
                  .isEqualTo("annotated-table");
            });
  }

  @Test
  void dynamoEntityScanAcceptsPackageNamesAndAddsUp() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ScanByName.class, ScanTabledToo.class)
        .run(
            context ->
                assertThat(context.getBeanNamesForType(DynamoRepository.class))
                    .containsExactlyInAnyOrder(
                        "actorReviewDynamoRepository",
                        "filmActorDynamoRepository",
                        "annotatedTableItemDynamoRepository"));
  }

  @Test
  void propertiesBindWithPerEntityOverrides() {
    ContextRunners.runner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues(
            "pydantic-dynamo.table-name=app-table",
            "pydantic-dynamo.partition-prefix=films",
            "pydantic-dynamo.partition-key=PK",
            "pydantic-dynamo.sort-key=SK",
            "pydantic-dynamo.hide-expired=true",
            "pydantic-dynamo.batch.concurrency=2",
            "pydantic-dynamo.batch.max-attempts=3",
            "pydantic-dynamo.batch.base-delay=10ms",
            "pydantic-dynamo.batch.max-delay=5s",
            "pydantic-dynamo.entities.film-actor.partition-name=stars",
            "pydantic-dynamo.entities.film-actor.content-type=star",
            "pydantic-dynamo.entities.film-actor.table-name=other-table",
            "pydantic-dynamo.entities.film-actor.partition-prefix=cinema",
            "pydantic-dynamo.entities.film-actor.consistent-reads=true",
            "pydantic-dynamo.entities.film-actor.storage-format=python",
            "pydantic-dynamo.entities.ActorReview.content-type=review")
        .run(
            context -> {
              RepositorySettings actors = repository(context, FilmActor.class).settings();
              assertThat(actors.tableName()).isEqualTo("other-table");
              assertThat(actors.partitionPrefix()).isEqualTo("cinema");
              assertThat(actors.partitionName()).isEqualTo("stars");
              assertThat(actors.contentType()).isEqualTo("star");
              assertThat(actors.consistentReads()).isTrue();
              assertThat(actors.storageFormat()).isEqualTo(StorageFormat.PYTHON);
              assertThat(actors.partitionKey()).isEqualTo("PK");
              assertThat(actors.sortKey()).isEqualTo("SK");
              assertThat(actors.hideExpired()).isTrue();
              assertThat(actors.batchSettings().concurrency()).isEqualTo(2);
              assertThat(actors.batchSettings().maxAttempts()).isEqualTo(3);
              assertThat(actors.batchSettings().baseDelay()).isEqualTo(Duration.ofMillis(10));
              assertThat(actors.batchSettings().maxDelay()).isEqualTo(Duration.ofSeconds(5));

              RepositorySettings reviews = repository(context, ActorReview.class).settings();
              assertThat(reviews.tableName()).isEqualTo("app-table");
              assertThat(reviews.partitionPrefix()).isEqualTo("films");
              assertThat(reviews.contentType()).isEqualTo("review");
              // the partition name follows an overridden content type, as in the core builder
              assertThat(reviews.partitionName()).isEqualTo("review");
              assertThat(reviews.consistentReads()).isFalse();
              assertThat(reviews.storageFormat()).isEqualTo(StorageFormat.STANDARD);
            });
  }

  @Test
  void storageFormatAppliesToEveryEntityUnlessOneOverridesIt() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues(
            "pydantic-dynamo.storage-format=python",
            "pydantic-dynamo.entities.actor-review.storage-format=standard")
        .run(
            context -> {
              assertThat(repository(context, FilmActor.class).settings().storageFormat())
                  .isEqualTo(StorageFormat.PYTHON);
              assertThat(asyncRepository(context, FilmActor.class).settings().storageFormat())
                  .isEqualTo(StorageFormat.PYTHON);
              assertThat(repository(context, ActorReview.class).settings().storageFormat())
                  .isEqualTo(StorageFormat.STANDARD);
            });
  }

  @Test
  void entityKeysBindAndReachItsRepositoriesAndItsTablesHealth() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues(
            "pydantic-dynamo.partition-key=PK",
            "pydantic-dynamo.sort-key=SK",
            "pydantic-dynamo.entities.film-actor.table-name=actors",
            "pydantic-dynamo.entities.film-actor.partition-key=actor_pk",
            "pydantic-dynamo.entities.film-actor.sort-key=actor_sk")
        .run(
            context -> {
              RepositorySettings actors = repository(context, FilmActor.class).settings();
              assertThat(actors.partitionKey()).isEqualTo("actor_pk");
              assertThat(actors.sortKey()).isEqualTo("actor_sk");
              assertThat(asyncRepository(context, FilmActor.class).settings().sortKey())
                  .isEqualTo("actor_sk");
              RepositorySettings reviews = repository(context, ActorReview.class).settings();
              assertThat(reviews.partitionKey()).isEqualTo("PK");
              assertThat(reviews.sortKey()).isEqualTo("SK");
              assertThat(context.getBean(DynamoEntityCatalog.class).tables())
                  .extracting(table -> table.name() + " " + table.layout())
                  .containsExactly(
                      "app-table partition key PK (S), sort key SK (S)",
                      "actors partition key actor_pk (S), sort key actor_sk (S)");
              CompositeHealthContributor health =
                  context.getBean(
                      "pydanticDynamoHealthContributor", CompositeHealthContributor.class);
              assertThat(health.stream().map(entry -> entry.name()))
                  .containsExactlyInAnyOrder("app-table", "actors");
            });
  }

  @Test
  void configurationMetadataDescribesEveryPropertyAndTheEntityKeys() throws Exception {
    JsonNode metadata;
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new java.util.HashMap<>();
    metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    assertThat(properties.get("pydantic-dynamo.verify-tables").get("defaultValue").asBoolean())
        .isTrue();
    assertThat(properties.get("pydantic-dynamo.verify-tables").get("description").asText())
        .contains("DescribeTable");
    assertThat(properties.get("pydantic-dynamo.entities").get("type").asText())
        .isEqualTo(
            "java.util.Map<java.lang.String,"
                + PydanticDynamoProperties.Entity.class.getName()
                + ">");
    properties.forEach(
        (name, property) ->
            assertThat(property.path("description").asText()).as(name).isNotBlank());
    List<String> hints = new java.util.ArrayList<>();
    metadata.get("hints").forEach(h -> hints.add(h.get("name").asText()));
    assertThat(hints).contains("pydantic-dynamo.entities.keys");
    assertThat(PydanticDynamoProperties.Entity.settingNames())
        .containsExactly(
            "consistent-reads",
            "content-type",
            "partition-key",
            "partition-name",
            "partition-prefix",
            "sort-key",
            "storage-format",
            "table-name");
  }

  @Test
  void entityAnnotationTableWinsOverTheDefaultButNotOverTheEntityProperty() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.ScanTabled.class)
        .withPropertyValues(
            "pydantic-dynamo.entities.annotated-table-item.table-name=from-properties")
        .run(
            context ->
                assertThat(repository(context, AnnotatedTableItem.class).settings().tableName())
                    .isEqualTo("from-properties"));
  }

  @Test
  void validatorBeanValidatesItemsBeforeWrites() {
    ContextRunners.configuredRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(ValidatedPackage.class)
        .run(
            context -> {
              DynamoRepository<Rating> ratings = repository(context, Rating.class);
              assertThatThrownBy(
                      () ->
                          ratings.put(
                              PartitionedContent.of(List.of(), List.of("r1"), new Rating("", 11))))
                  .isInstanceOf(InvalidItemException.class);
            });
  }

  @Test
  void objectMapperCustomizersChangeOnlyTheStartersMapper() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class, UserObjectMapper.class)
        .withBean(
            PydanticDynamoObjectMapperCustomizer.class,
            () -> mapper -> mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
        .run(
            context -> {
              ObjectMapper items = context.getBean(PydanticDynamoObjectMapper.class).objectMapper();
              assertThat(items.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
                  .isTrue();
              assertThat(items.getRegisteredModuleIds())
                  .contains(
                      "jackson-datatype-jsr310",
                      "com.fasterxml.jackson.datatype.jdk8.Jdk8Module",
                      "jackson-module-parameter-names");
              ObjectMapper application = context.getBean(ObjectMapper.class);
              assertThat(application).isSameAs(context.getBean("applicationObjectMapper"));
              assertThat(application.getRegisteredModuleIds()).isEmpty();
              assertThat(application.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
                  .isFalse();
            });
  }

  @Test
  void theStarterDefinesNoObjectMapperBean() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .run(context -> assertThat(context).doesNotHaveBean(ObjectMapper.class));
  }

  @Test
  void userObjectMapperHolderWins() {
    PydanticDynamoObjectMapper own = new PydanticDynamoObjectMapper(new ObjectMapper());
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withBean(PydanticDynamoObjectMapper.class, () -> own)
        .run(
            context -> assertThat(context.getBean(PydanticDynamoObjectMapper.class)).isSameAs(own));
  }

  @Test
  void repositoriesAreObservedWhenAnObservationRegistryExists() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              assertThat(repository(context, FilmActor.class))
                  .isInstanceOf(ObservedDynamoRepository.class);
              assertThat(asyncRepository(context, FilmActor.class))
                  .isInstanceOf(ObservedAsyncDynamoRepository.class);
            });
  }

  @Test
  void repositoriesAreNotWrappedWithoutARegistryOrWithoutMicrometer() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .run(
            context ->
                assertThat(repository(context, FilmActor.class))
                    .isNotInstanceOf(ObservedDynamoRepository.class));
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(RepositoryObservations.class);
            });
  }

  @Test
  void healthContributorHasOneIndicatorPerTable() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.ScanTabled.class)
        .run(
            context -> {
              CompositeHealthContributor health =
                  context.getBean(
                      "pydanticDynamoHealthContributor", CompositeHealthContributor.class);
              assertThat(health.stream().map(entry -> entry.name()))
                  .containsExactlyInAnyOrder("annotated-table");
              assertThat(health.getContributor("annotated-table"))
                  .isInstanceOf(HealthIndicator.class);
            });
  }

  @Test
  void healthContributorBacksOffWithoutTheHealthModuleOrWhenDisabled() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("pydanticDynamoHealthContributor");
            });
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues("management.health.pydantic-dynamo.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("pydanticDynamoHealthContributor"));
  }

  @Test
  void tablesAreNotCreatedUnlessAsked() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .run(context -> assertThat(context).doesNotHaveBean(DynamoTableCreator.class));
  }

  @SuppressWarnings("unchecked")
  static <T> DynamoRepository<T> repository(ApplicationContext context, Class<T> type) {
    return (DynamoRepository<T>)
        context
            .getBeanProvider(ResolvableType.forClassWithGenerics(DynamoRepository.class, type))
            .getObject();
  }

  @SuppressWarnings("unchecked")
  static <T> AsyncDynamoRepository<T> asyncRepository(ApplicationContext context, Class<T> type) {
    return (AsyncDynamoRepository<T>)
        context
            .getBeanProvider(ResolvableType.forClassWithGenerics(AsyncDynamoRepository.class, type))
            .getObject();
  }

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = Rating.class)
  static class ValidatedPackage {}

  @Configuration(proxyBeanMethods = false)
  @DynamoEntityScan("io.github.pydanticdynamo.spring.boot.fixtures.films")
  static class ScanByName {}

  @Configuration(proxyBeanMethods = false)
  @DynamoEntityScan(basePackageClasses = AnnotatedTableItem.class)
  static class ScanTabledToo {}

  @Configuration(proxyBeanMethods = false)
  static class UserClients {
    @Bean
    DynamoDbClient userClient() {
      return ContextRunners.client();
    }

    @Bean
    DynamoDbAsyncClient userAsyncClient() {
      return ContextRunners.asyncClient();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserSyncClient {
    @Bean
    DynamoDbClient userClient() {
      return ContextRunners.client();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserActorRepository {
    @Bean
    DynamoRepository<FilmActor> userActors() {
      return DynamoRepository.builder(FilmActor.class)
          .client(ContextRunners.client())
          .tableName("user-table")
          .partitionPrefix("mine")
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserAsyncActorRepository {
    @Bean
    AsyncDynamoRepository<FilmActor> userAsyncActors() {
      return AsyncDynamoRepository.builder(FilmActor.class)
          .client(ContextRunners.asyncClient())
          .tableName("user-table")
          .partitionPrefix("mine")
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserObjectMapper {
    @Bean
    ObjectMapper applicationObjectMapper() {
      return new ObjectMapper();
    }
  }
}
