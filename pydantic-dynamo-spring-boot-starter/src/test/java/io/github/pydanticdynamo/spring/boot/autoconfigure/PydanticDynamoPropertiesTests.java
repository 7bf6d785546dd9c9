package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.RepositoryBuilder;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.spring.boot.fixtures.films.ActorReview;
import io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PydanticDynamoPropertiesTests {

  @Test
  void defaultsMatchTheCoreDefaults() {
    PydanticDynamoProperties properties = bind(Map.of());
    assertThat(properties.enabled()).isTrue();
    assertThat(properties.tableName()).isNull();
    assertThat(properties.partitionPrefix()).isNull();
    assertThat(properties.partitionKey()).isEqualTo(RepositoryBuilder.DEFAULT_PARTITION_KEY);
    assertThat(properties.sortKey()).isEqualTo(RepositoryBuilder.DEFAULT_SORT_KEY);
    assertThat(properties.consistentReads()).isFalse();
    assertThat(properties.hideExpired()).isFalse();
    assertThat(properties.createTables()).isFalse();
    assertThat(properties.verifyTables()).isTrue();
    assertThat(properties.entities()).isEmpty();
    assertThat(properties.storageFormat()).isEqualTo(StorageFormat.STANDARD);
    assertThat(properties.batch().toBatchSettings()).isEqualTo(BatchSettings.defaults());
  }

  @Test
  void entityOverridesAreFoundByKebabCaseOrSimpleName() {
    PydanticDynamoProperties properties =
        bind(
            Map.of(
                "pydantic-dynamo.entities.film-actor.table-name", "actors-table",
                "pydantic-dynamo.entities.ActorReview.consistent-reads", "true"));
    assertThat(properties.entity(FilmActor.class))
        .isEqualTo(
            new PydanticDynamoProperties.Entity(
                null, null, "actors-table", null, null, null, null, null));
    PydanticDynamoProperties.Entity reviews = properties.entity(ActorReview.class);
    assertThat(reviews).isNotNull();
    assertThat(reviews.consistentReads()).isTrue();
    assertThat(properties.entity(PydanticDynamoPropertiesTests.class)).isNull();
  }

  @Test
  void entityKeyIsTheKebabCaseSimpleName() {
    assertThat(PydanticDynamoProperties.entityKey(FilmActor.class)).isEqualTo("film-actor");
    assertThat(PydanticDynamoProperties.entityKey(ActorReview.class)).isEqualTo("actor-review");
    assertThat(PydanticDynamoProperties.entityKey(HTTPLogLine.class)).isEqualTo("http-log-line");
    assertThat(PydanticDynamoProperties.entityKey(Item2Box.class)).isEqualTo("item2-box");
  }

  private static PydanticDynamoProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate(PydanticDynamoProperties.PREFIX, PydanticDynamoProperties.class);
  }

  private record HTTPLogLine() {}

  private record Item2Box() {}
}
