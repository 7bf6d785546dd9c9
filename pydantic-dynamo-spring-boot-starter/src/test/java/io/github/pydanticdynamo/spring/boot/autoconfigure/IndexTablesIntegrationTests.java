package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.spring.boot.fixtures.indexclash.Left;
import io.github.pydanticdynamo.spring.boot.fixtures.indexed.IndexedApplication;
import io.github.pydanticdynamo.spring.boot.fixtures.indexed.Note;
import io.github.pydanticdynamo.spring.boot.fixtures.indexed.Review;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Entities' secondary indexes: created with their tables, checked at start-up and by health. */
class IndexTablesIntegrationTests {
  private static final LocalDynamoDb db = LocalDynamoDb.shared();

  private static SpringApplicationBuilder application(String... properties) {
    return new SpringApplicationBuilder(IndexedApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.cloud.aws.region.static=us-east-1",
            "spring.cloud.aws.credentials.access-key=local",
            "spring.cloud.aws.credentials.secret-key=local",
            "spring.cloud.aws.dynamodb.endpoint=" + db.endpoint(),
            "pydantic-dynamo.partition-prefix=films",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN")
        .properties(properties);
  }

  @Test
  void createTablesMakesTheIndexesTheEntitiesDeclareAndTheRepositoriesQueryThem() {
    String table = "indexed-" + UUID.randomUUID();
    try (ConfigurableApplicationContext app =
        application("pydantic-dynamo.create-tables=true", "pydantic-dynamo.table-name=" + table)
            .run()) {
      TableDescription created = db.client().describeTable(b -> b.tableName(table)).table();
      assertThat(created.globalSecondaryIndexes())
          .extracting(index -> index.indexName())
          .containsExactly("by-reviewer");
      assertThat(created.localSecondaryIndexes())
          .extracting(index -> index.indexName())
          .containsExactly("by-stars");

      @SuppressWarnings("unchecked")
      DynamoRepository<Review> reviews =
          (DynamoRepository<Review>) app.getBean("reviewDynamoRepository");
      @SuppressWarnings("unchecked")
      DynamoRepository<Note> notes = (DynamoRepository<Note>) app.getBean("noteDynamoRepository");
      reviews.put(
          PartitionedContent.of(List.of("tom"), List.of("r1"), new Review("r1", "alice", 4)));
      notes.put(PartitionedContent.of(List.of(), List.of("n1"), new Note("n1", "alice")));

      assertThat(reviews.index("by-reviewer").listContents(List.of("alice"), List.of()))
          .extracting(c -> c.item().id())
          .containsExactly("r1");
      assertThat(notes.index("by-reviewer").listContents(List.of("alice"), List.of()))
          .extracting(c -> c.item().id())
          .containsExactly("n1");
      assertThat(reviews.index("by-stars").listContents(List.of("tom"), List.of("4")))
          .extracting(c -> c.item().id())
          .containsExactly("r1");
    } finally {
      db.client().deleteTable(b -> b.tableName(table));
    }
  }

  @Test
  void aTableWithoutTheDeclaredIndexesStopsTheApplicationAndIsDownInHealth() {
    TestTable plain =
        db.createTable(TableLayout.defaults().createTableRequest("plain-" + UUID.randomUUID()));
    try {
      Throwable failure =
          catchThrowable(() -> application("pydantic-dynamo.table-name=" + plain.name()).run());
      FailureAnalysis analysis = StartupFailures.analyze(failure);
      assertThat(analysis).isNotNull();
      assertThat(analysis.getDescription())
          .isEqualTo(
              "DynamoDB table '"
                  + plain.name()
                  + "' lacks secondary indexes that @DynamoEntity Note and Review declare"
                  + " (@DynamoIndex): global index by-reviewer is missing; local index by-stars is"
                  + " missing.");
      assertThat(analysis.getAction()).contains("UpdateTable").contains("create-tables=true");

      try (ConfigurableApplicationContext app =
          application(
                  "pydantic-dynamo.table-name=" + plain.name(),
                  "pydantic-dynamo.verify-tables=false")
              .run()) {
        CompositeHealthContributor health =
            app.getBean("pydanticDynamoHealthContributor", CompositeHealthContributor.class);
        var tableHealth = ((HealthIndicator) health.getContributor(plain.name())).health();
        assertThat(tableHealth.getStatus()).isEqualTo(Status.DOWN);
        assertThat(tableHealth.getDetails().get("reason").toString())
            .contains("lacks the secondary indexes")
            .contains("global index by-reviewer is missing");
      }
    } finally {
      plain.delete();
    }
  }

  @Test
  void entitiesOfOneTableDeclaringOneIndexWithDifferentKeysStopStartUp() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ClashingIndexes.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("two indexes named by-name differ"));
  }

  /** The package of two entities whose "by-name" indexes differ. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = Left.class)
  static class ClashingIndexes {}
}
