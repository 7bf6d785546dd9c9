package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.TableNotFoundException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.spring.boot.fixtures.app.ActorService;
import io.github.pydanticdynamo.spring.boot.fixtures.app.FilmsApplication;
import io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview;
import io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor;
import io.github.pydanticdynamo.spring.boot.fixtures.validated.Rating;
import io.github.pydanticdynamo.spring.boot.health.DynamoTableHealthIndicator;
import io.github.pydanticdynamo.spring.boot.observation.ObservedDynamoRepository;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Boots a small application against the local engine and uses its injected repositories. */
class PydanticDynamoIntegrationTests {
  private static final LocalDynamoDb db = LocalDynamoDb.shared();
  private static TestTable table;
  private static String missingTable;
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void startApplication() {
    table = db.createTable("PK", "SK");
    missingTable = "missing-" + UUID.randomUUID();
    // a table that is missing from the start: the start-up check is off to see the health and
    // the run-time errors (TableVerificationIntegrationTests covers the check)
    context =
        start(
            "pydantic-dynamo.entities.rating.table-name=" + missingTable,
            "pydantic-dynamo.verify-tables=false");
  }

  @AfterAll
  static void stopApplication() {
    if (context != null) {
      context.close();
    }
  }

  @BeforeEach
  void clearObservations() {
    context.getBean(TestObservationRegistry.class).clear();
  }

  static ConfigurableApplicationContext start(String... properties) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "spring.cloud.aws.region.static=us-east-1",
                "spring.cloud.aws.credentials.access-key=local",
                "spring.cloud.aws.credentials.secret-key=local",
                "spring.cloud.aws.dynamodb.endpoint=" + db.endpoint(),
                "pydantic-dynamo.table-name=" + table.name(),
                "pydantic-dynamo.partition-key=PK",
                "pydantic-dynamo.sort-key=SK",
                "pydantic-dynamo.partition-prefix=films",
                "management.endpoint.health.show-details=always",
                "management.endpoints.jmx.exposure.include=health",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN"));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(FilmsApplication.class)
        .web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new))
        .run();
  }

  @Test
  void injectedRepositoriesPutGetListAndUpdate() {
    ActorService service = context.getBean(ActorService.class);
    DynamoRepository<FilmActor> actors = service.actors();
    String partition = "put-get-" + UUID.randomUUID();
    actors.put(
        PartitionedContent.of(
            List.of(partition),
            List.of("tom-hanks"),
            new FilmActor("tom-hanks", "Tom Hanks", null)));
    actors.put(
        PartitionedContent.of(
            List.of(partition),
            List.of("meg-ryan"),
            new FilmActor("meg-ryan", "Meg Ryan", "Charming")));

    assertThat(actors.getItem(List.of(partition), List.of("tom-hanks")))
        .contains(new FilmActor("tom-hanks", "Tom Hanks", null));
    List<String> listed =
        actors
            .list(List.of(partition), List.of())
            .flatMap(page -> page.contents().stream())
            .map(content -> content.item().id())
            .toList();
    assertThat(listed).containsExactly("meg-ryan", "tom-hanks");

    PartitionedContent<FilmActor> updated =
        actors.update(
            List.of(partition),
            List.of("tom-hanks"),
            UpdateCommand.builder().set("review", "Talented").build());
    assertThat(updated.item().review()).isEqualTo("Talented");
    assertThat(updated.currentVersion()).isEqualTo(2);
    assertThat(actors.getItem(List.of(partition), List.of("tom-hanks")).orElseThrow().review())
        .isEqualTo("Talented");

    // the starter's settings reach the stored keys
    List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> raw =
        table.scanAll().stream().filter(item -> item.get("PK").s().contains(partition)).toList();
    assertThat(raw)
        .extracting(item -> item.get("PK").s())
        .containsOnly("films#actors#" + partition);
    assertThat(raw)
        .extracting(item -> item.get("SK").s())
        .containsExactlyInAnyOrder("actor#tom-hanks", "actor#meg-ryan");
  }

  @Test
  void secondEntityAndAsyncRepositoryShareTheTable() {
    ActorService service = context.getBean(ActorService.class);
    String partition = "async-" + UUID.randomUUID();
    AsyncDynamoRepository<FilmActor> asyncActors = service.asyncActors();
    asyncActors
        .put(
            PartitionedContent.of(
                List.of(partition), List.of("a1"), new FilmActor("a1", "Ann", null)))
        .join();
    assertThat(asyncActors.getItem(List.of(partition), List.of("a1")).join())
        .contains(new FilmActor("a1", "Ann", null));

    DynamoRepository<ActorReview> reviews = service.reviews();
    ActorReview review =
        new ActorReview("r1", "a1", Instant.parse("2024-05-01T10:15:30Z"), 5, "Great");
    reviews.put(PartitionedContent.of(List.of(partition), List.of("r1"), review));
    assertThat(reviews.getItem(List.of(partition), List.of("r1"))).contains(review);
    assertThat(
            reviews
                .list(List.of(partition), List.of())
                .map(BatchResponse::contents)
                .mapToLong(List::size)
                .sum())
        .isEqualTo(1);
  }

  @Test
  void validatorFromSpringBootRejectsInvalidItems() {
    @SuppressWarnings("unchecked")
    DynamoRepository<Rating> ratings =
        (DynamoRepository<Rating>) context.getBean("ratingDynamoRepository");
    assertThatThrownBy(
            () -> ratings.put(PartitionedContent.of(List.of(), List.of("x"), new Rating(" ", 42))))
        .isInstanceOf(InvalidItemException.class);
  }

  @Test
  void healthIsUpForAnExistingTableAndDownWithTheReasonForAMissingOne() {
    HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
    CompositeHealthContributor tables =
        (CompositeHealthContributor) registry.getContributor("pydanticDynamo");
    assertThat(tables).isNotNull();

    Health up = ((HealthIndicator) tables.getContributor(table.name())).health();
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails())
        .containsEntry("status", "ACTIVE")
        .containsEntry("table", table.name());

    Health down = ((HealthIndicator) tables.getContributor(missingTable)).health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails())
        .containsEntry("reason", "table '" + missingTable + "' does not exist");

    HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
    HealthDescriptor overall = endpoint.healthForPath("pydanticDynamo");
    assertThat(overall).isNotNull();
    assertThat(overall.getStatus()).isEqualTo(Status.DOWN);
    HealthDescriptor existing = endpoint.healthForPath("pydanticDynamo", table.name());
    assertThat(existing).isInstanceOf(IndicatedHealthDescriptor.class);
    assertThat(existing.getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void healthIsDownWhenTheKeySchemaDiffers() {
    TestTable other = db.createTable("pk", "sk");
    Health health =
        new DynamoTableHealthIndicator(db.client(), other.name(), TableLayout.of("PK", "SK"))
            .health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("reason"))
        .isEqualTo(
            "table '"
                + other.name()
                + "' has the key schema [pk HASH, sk RANGE] but the repositories use [PK HASH,"
                + " SK RANGE] (pydantic-dynamo.partition-key and pydantic-dynamo.sort-key)");
  }

  @Test
  void everyOperationIsObservedWithItsOutcome() {
    ActorService service = context.getBean(ActorService.class);
    String partition = "observed-" + UUID.randomUUID();
    service
        .actors()
        .put(
            PartitionedContent.of(
                List.of(partition), List.of("o1"), new FilmActor("o1", "O", null)));
    service.actors().get(List.of(partition), List.of("o1"));
    service.actors().list(List.of(partition), List.of()).forEach(page -> {});
    service.asyncActors().get(List.of(partition), List.of("o1")).join();
    @SuppressWarnings("unchecked")
    DynamoRepository<Rating> ratings =
        (DynamoRepository<Rating>) context.getBean("ratingDynamoRepository");
    assertThatThrownBy(() -> ratings.get(List.of(), List.of("x")))
        .isInstanceOf(TableNotFoundException.class)
        .hasCauseInstanceOf(ResourceNotFoundException.class);

    TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo(ObservedDynamoRepository.OBSERVATION_NAME, 5)
        .hasHandledContextsThatSatisfy(
            contexts -> {
              List<String> seen =
                  contexts.stream()
                      .map(PydanticDynamoIntegrationTests::describe)
                      .collect(Collectors.toList());
              assertThat(seen)
                  .containsExactly(
                      "put FilmActor " + table.name() + " success",
                      "get FilmActor " + table.name() + " success",
                      "list FilmActor " + table.name() + " success",
                      "get FilmActor " + table.name() + " success",
                      "get Rating " + missingTable + " error");
              assertThat(contexts.get(4).getError()).isInstanceOf(TableNotFoundException.class);
            });
  }

  @Test
  void createTablesCreatesMissingTablesAtStartup() {
    String created = "created-" + UUID.randomUUID();
    String createdForRatings = "created-ratings-" + UUID.randomUUID();
    try (ConfigurableApplicationContext app =
        start(
            "pydantic-dynamo.create-tables=true",
            "pydantic-dynamo.table-name=" + created,
            "pydantic-dynamo.entities.rating.table-name=" + createdForRatings)) {
      for (String name : List.of(created, createdForRatings)) {
        TableDescription description =
            db.client().describeTable(request -> request.tableName(name)).table();
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.keySchema())
            .extracting(key -> key.attributeName() + " " + key.keyType())
            .containsExactly("PK " + KeyType.HASH, "SK " + KeyType.RANGE);
      }
      DynamoRepository<FilmActor> actors = app.getBean(ActorService.class).actors();
      actors.put(PartitionedContent.of(List.of(), List.of("c1"), new FilmActor("c1", "C", null)));
      assertThat(actors.getItem(List.of(), List.of("c1"))).isPresent();
    }
    // a second start finds the tables and leaves them alone
    try (ConfigurableApplicationContext app =
        start("pydantic-dynamo.create-tables=true", "pydantic-dynamo.table-name=" + created)) {
      assertThat(app.getBean(ActorService.class).actors().getItem(List.of(), List.of("c1")))
          .isPresent();
    }
  }

  private static String describe(Observation.Context context) {
    return String.join(
        " ",
        value(context, "operation"),
        value(context, "entity"),
        value(context, "table"),
        value(context, "outcome"));
  }

  private static String value(Observation.Context context, String key) {
    var keyValue = context.getLowCardinalityKeyValue(key);
    return keyValue == null ? "?" : keyValue.getValue();
  }
}
