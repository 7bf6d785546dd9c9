package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.InvalidModelException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

class PydanticDynamoFailureAnalyzerTests {

  @Test
  void isRegisteredWithSpringBoot() {
    // Boot's own analyzers need constructor arguments; skip those, find ours
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                    FailureAnalyzer.class,
                    null,
                    SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {})))
        .hasAtLeastOneElementOfType(PydanticDynamoFailureAnalyzer.class);
  }

  @Test
  void missingTableNameFailsNamingTheEntityAndTheProperties() {
    failure(
        ContextRunners.runner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.partition-prefix=films"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "No DynamoDB table is configured for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview: neither"
                      + " pydantic-dynamo.table-name, pydantic-dynamo.entities.actor-review.table-name"
                      + " nor @DynamoEntity(tableName) is set.");
          assertThat(analysis.getAction())
              .contains(
                  "pydantic-dynamo.table-name",
                  "pydantic-dynamo.entities.actor-review.table-name",
                  "@DynamoEntity(tableName = \"...\") on ActorReview");
        });
  }

  @Test
  void missingPartitionPrefixFailsNamingTheProperty() {
    failure(
        ContextRunners.runner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.table-name=app-table"),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith(
                  "No partition prefix is configured for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview");
          assertThat(analysis.getAction())
              .contains(
                  "pydantic-dynamo.partition-prefix",
                  "pydantic-dynamo.entities.actor-review.partition-prefix");
        });
  }

  @Test
  void modelTheRepositoryRejectsFailsWithTheCoreMessage() {
    failure(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.ReservedPackage.class),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith(
                  "The repository for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.reserved.ReservedItem"
                      + " cannot be built: ")
              .contains("_ttl");
          assertThat(analysis.getCause()).hasCauseInstanceOf(InvalidModelException.class);
          assertThat(analysis.getAction()).contains("ReservedItem", "@JsonIgnore");
        });
  }

  @Test
  void invalidSettingTheCoreRejectsFailsWithTheCoreMessage() {
    failure(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.entities.film-actor.partition-name=a#b"),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith(
                  "The repository for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor"
                      + " cannot be built: ")
              .contains("a#b");
          assertThat(analysis.getAction()).contains("pydantic-dynamo.entities.film-actor.*");
        });
  }

  @Test
  void twoEntitiesStoringUnderTheSameKeysFail() {
    failure(
        ContextRunners.configuredRunner().withUserConfiguration(ContextRunners.ClashPackage.class),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "@DynamoEntity types io.github.pydanticdynamo.spring.boot.fixtures.clash.LeadActor"
                      + " and io.github.pydanticdynamo.spring.boot.fixtures.clash.SupportingActor"
                      + " would store their items under the same keys: both use table 'app-table',"
                      + " partition 'films#actors' and content type 'actor'.");
          assertThat(analysis.getAction())
              .contains("pydantic-dynamo.entities.supporting-actor.content-type");
        });
  }

  @Test
  void entitiesWithTheSameNamesOnDifferentTablesDoNotClash() {
    ContextRunners.configuredRunner()
        .withUserConfiguration(ContextRunners.ClashPackage.class)
        .withPropertyValues("pydantic-dynamo.entities.lead-actor.table-name=leads")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void entitySettingsForAnUnknownEntityFail() {
    failure(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.entities.flim-actor.table-name=x"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "pydantic-dynamo.entities.flim-actor does not name a scanned @DynamoEntity;"
                      + " the scanned entities are actor-review, film-actor.");
          assertThat(analysis.getAction()).contains("kebab case", "@DynamoEntityScan");
        });
  }

  @Test
  void invalidBatchSettingsFail() {
    failure(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.batch.concurrency=0"),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith("The pydantic-dynamo.batch settings are invalid: ")
              .contains("concurrency 0");
          assertThat(analysis.getAction()).contains("pydantic-dynamo.batch.concurrency");
        });
  }

  private static void failure(
      ApplicationContextRunner runner, java.util.function.Consumer<FailureAnalysis> check) {
    runner.run(
        (AssertableApplicationContext context) -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          FailureAnalysis analysis = new PydanticDynamoFailureAnalyzer().analyze(failure);
          assertThat(analysis).isNotNull();
          check.accept(analysis);
        });
  }
}
