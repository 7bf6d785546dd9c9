package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.spring.boot.fixtures.badtable.ShortTableItem;
import io.github.pydanticdynamo.spring.boot.fixtures.unstorable.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

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
            .withPropertyValues("pydantic-dynamo.entities.flim-actor.table-name=xyz"),
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

  @Test
  void aTokenKeyThatIsNoAesKeyStopsStartupNamingThePropertyButNotTheKey() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.token-key=c2VjcmV0LWtleQ=="),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith("pydantic-dynamo.token-key is not a token key: ")
              .contains("decodes to 10 bytes")
              .doesNotContain("c2VjcmV0LWtleQ");
          assertThat(analysis.getAction())
              .contains("pydantic-dynamo.token-key")
              .contains("openssl rand -base64 32");
        });
  }

  @Test
  void aNegativeClientTimeoutStopsStartupWhenPropertiesBind() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.client.api-call-attempt-timeout=-5s"),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith("The pydantic-dynamo.client timeouts are invalid: ")
              .contains("api-call-attempt-timeout PT-5S");
          assertThat(analysis.getAction())
              .contains("pydantic-dynamo.client.api-call-attempt-timeout");
        });
  }

  @Test
  void aTableNameDynamoDbWouldRefuseStopsStartupWhenPropertiesBind() {
    StartupFailures.expect(
        ContextRunners.runner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues(
                "pydantic-dynamo.table-name=t2", "pydantic-dynamo.partition-prefix=films"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "pydantic-dynamo.table-name 't2' is not a valid DynamoDB table name: it has 2"
                      + " characters, at least 3 are needed.");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Set pydantic-dynamo.table-name to a name of 3 to 255 characters, each a letter,"
                      + " a digit, '_', '-' or '.' (such as 'app-table').");
        });
  }

  @Test
  void anEntityTableNameWithAForbiddenCharacterStopsStartupNamingTheCharacter() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.entities.film-actor.table-name=film actors"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "pydantic-dynamo.entities.film-actor.table-name 'film actors' is not a valid"
                      + " DynamoDB table name: it contains ' ' at position 5, and only letters,"
                      + " digits, '_', '-' and '.' are allowed.");
          assertThat(analysis.getAction())
              .startsWith("Set pydantic-dynamo.entities.film-actor.table-name to a name of 3");
        });
  }

  @Test
  void anAnnotationTableNameDynamoDbWouldRefuseStopsStartup() {
    StartupFailures.expect(
        ContextRunners.configuredRunner().withUserConfiguration(BadTablePackage.class),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "@DynamoEntity(tableName = \"ab\") on"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.badtable.ShortTableItem is"
                      + " not a valid DynamoDB table name: it has 2 characters, at least 3 are"
                      + " needed.");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Change the tableName of @DynamoEntity on ShortTableItem to a name of 3 to 255"
                      + " characters, each a letter, a digit, '_', '-' or '.', or set"
                      + " pydantic-dynamo.entities.short-table-item.table-name.");
        });
  }

  @Test
  void twoEntitiesWithOneSimpleNameStopStartupNamingBothAndHowToTellThemApart() {
    StartupFailures.expect(
        ContextRunners.configuredRunner().withUserConfiguration(TwinsPackage.class),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "@DynamoEntity types io.github.pydanticdynamo.spring.boot.fixtures.twins.a.Customer"
                      + " and io.github.pydanticdynamo.spring.boot.fixtures.twins.b.Customer have"
                      + " the same simple name 'Customer', and the starter names each entity's"
                      + " repository beans (customerDynamoRepository,"
                      + " customerAsyncDynamoRepository) and its settings"
                      + " (pydantic-dynamo.entities.customer.*) after it, so the two would clash.");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Rename one of them (the simple name of a record is its only name here), or keep"
                      + " only one of their packages in the scan: @DynamoEntityScan(basePackageClasses"
                      + " = ...) on the application class names the packages searched for"
                      + " entities.")
              .doesNotContain("overriding");
        });
  }

  @Test
  void anUnknownEntitySettingStopsStartupListingTheValidOnes() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("pydantic-dynamo.entities.film-actor.partition-keys=PK"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "pydantic-dynamo.entities.film-actor.partition-keys is not a setting of an"
                      + " entity; the settings under pydantic-dynamo.entities.film-actor are"
                      + " consistent-reads, content-type, partition-key, partition-name,"
                      + " partition-prefix, sort-key, storage-format and table-name.");
          assertThat(analysis.getAction())
              .isEqualTo("Rename it to one of those settings, or remove it.");
        });
  }

  @Test
  void entitiesSharingATableWithDifferentKeysStopStartup() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues(
                "pydantic-dynamo.entities.film-actor.partition-key=PK",
                "pydantic-dynamo.entities.film-actor.sort-key=SK"),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "@DynamoEntity types"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview and"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor share table"
                      + " 'app-table' but expect different keys: ActorReview partition key"
                      + " _table_item_id (S), sort key _table_content_id (S)"
                      + " (pydantic-dynamo.partition-key and pydantic-dynamo.sort-key), FilmActor"
                      + " partition key PK (S), sort key SK (S)"
                      + " (pydantic-dynamo.entities.film-actor.partition-key and"
                      + " pydantic-dynamo.entities.film-actor.sort-key). A table has one key"
                      + " schema.");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Give both the key names of table 'app-table'"
                      + " (pydantic-dynamo.entities.film-actor.partition-key and .sort-key), or"
                      + " store FilmActor in a table of its own"
                      + " (pydantic-dynamo.entities.film-actor.table-name).");
        });
  }

  @Test
  void aModelPropertyNamedLikeAKeyGetsAnActionAboutKeyNames() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues(
                "pydantic-dynamo.entities.film-actor.partition-key=name",
                "pydantic-dynamo.entities.film-actor.table-name=actors"),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith(
                  "The repository for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor cannot be"
                      + " built: ")
              .contains("'name'");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Rename the property name of FilmActor (or store it under another name with"
                      + " @JsonProperty(\"...\"), or leave it out with @JsonIgnore), or, when the"
                      + " table's key attributes are named otherwise, set"
                      + " pydantic-dynamo.entities.film-actor.partition-key and"
                      + " pydantic-dynamo.sort-key to the table's key names.");
        });
  }

  @Test
  void aModelPropertyNamedLikeAnInternalAttributeGetsAnActionAboutRenaming() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.ReservedPackage.class),
        analysis ->
            assertThat(analysis.getAction())
                .isEqualTo(
                    "Rename the property _ttl of ReservedItem, store it under another name with"
                        + " @JsonProperty(\"...\"), or leave it out with @JsonIgnore: the repository"
                        + " keeps _object_version, _timestamp, _ttl, _write_id for itself."));
  }

  @Test
  void aModelPropertyOfAnUnstorableTypeGetsAnActionAboutTypes() {
    StartupFailures.expect(
        ContextRunners.configuredRunner().withUserConfiguration(UnstorablePackage.class),
        analysis -> {
          assertThat(analysis.getDescription())
              .startsWith(
                  "The repository for @DynamoEntity"
                      + " io.github.pydanticdynamo.spring.boot.fixtures.unstorable.Upload cannot be"
                      + " built: ")
              .contains("'data'");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Change Upload as the message says: give the property a type the library stores"
                      + " (records, strings, numbers, booleans, enums, java.time types, UUID,"
                      + " byte[], collections and maps of these), teach Jackson to write and read"
                      + " it with a PydanticDynamoObjectMapperCustomizer bean (a module, or a"
                      + " serializer and deserializer), or leave it out with @JsonIgnore.")
              .doesNotContain("partition-key");
        });
  }

  @Test
  void aMissingRegionStopsStartupNamingTheRegionProperties() {
    StartupFailures.expect(
        ContextRunners.configuredRunner()
            .withUserConfiguration(ContextRunners.FilmsPackage.class)
            .withPropertyValues("spring.cloud.aws.region.static=")
            .withBean(AwsRegionProvider.class, SystemSettingsRegionProvider::new),
        analysis -> {
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "No AWS region is configured for the DynamoDB client bean 'dynamoDbClient' that"
                      + " the pydantic-dynamo repositories use: Unable to load region from system"
                      + " settings. Region must be specified either via environment variable"
                      + " (AWS_REGION) or system property (aws.region).");
          assertThat(analysis.getAction())
              .isEqualTo(
                  "Set spring.cloud.aws.dynamodb.region or spring.cloud.aws.region.static to the"
                      + " tables' region (such as eu-west-1), or the AWS_REGION environment"
                      + " variable.");
        });
  }

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackages = "io.github.pydanticdynamo.spring.boot.fixtures.twins")
  static class TwinsPackage {}

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = ShortTableItem.class)
  static class BadTablePackage {}

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = Upload.class)
  static class UnstorablePackage {}

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
