package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.sample.films.FilmActor;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.autoconfigure.AutoConfigureDataDynamo;
import io.github.pydanticdynamo.test.autoconfigure.AutoConfigureLocalDynamoDb;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The test kit's imports with the real starter, in an {@link ApplicationContextRunner}: the
 * auto-configurations that {@code @DataDynamoTest} imports are enough for working repositories on
 * the local engine, with the table made from the entities' settings and no region configured.
 */
class DataDynamoSliceTests {

  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = FilmActor.class)
  @AutoConfigureDataDynamo
  @AutoConfigureLocalDynamoDb
  static class RepositoriesOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(RepositoriesOnly.class);

  @Test
  void theImportedAutoConfigurationsGiveWorkingRepositoriesOnANewTable() {
    String table = "slice-" + UUID.randomUUID().toString().substring(0, 8);
    runner
        .withPropertyValues(
            "pydantic-dynamo.table-name=" + table,
            "pydantic-dynamo.partition-prefix=slice",
            "pydantic-dynamo.create-tables=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              TableDescription created =
                  LocalDynamoDb.shared().client().describeTable(b -> b.tableName(table)).table();
              assertThat(created.keySchema()).hasSize(2);

              @SuppressWarnings("unchecked")
              DynamoRepository<FilmActor> actors =
                  (DynamoRepository<FilmActor>)
                      context
                          .getBeanProvider(
                              ResolvableType.forClassWithGenerics(
                                  DynamoRepository.class, FilmActor.class))
                          .getObject();
              FilmActor tom = new FilmActor("tom-hanks", "Tom Hanks", null);
              actors.put(PartitionedContent.of(List.of(), List.of("tom-hanks"), tom));
              assertThat(actors.getItem(List.of(), List.of("tom-hanks"))).contains(tom);
            });
  }
}
