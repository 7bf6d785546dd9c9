package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** A table that goes away under built repositories: every operation names the table and entity. */
class TableNotFoundIntegrationTests {
  private TestTable table;
  private DynamoRepository<FilmActor> actors;
  private AsyncDynamoRepository<FilmActor> asyncActors;

  @BeforeEach
  void repositoriesOnADeletedTable() {
    table = LocalDynamoDb.shared().createTable("PK", "SK");
    actors = RepositoryFixture.sync(FilmActor.class, table).build();
    asyncActors = RepositoryFixture.async(FilmActor.class, table).build();
    table.delete();
  }

  @Test
  void syncOperationsThrowTableNotFoundNamingTableAndEntity() {
    PartitionedContent<FilmActor> content =
        PartitionedContent.of(List.of("p"), List.of("a"), new FilmActor("a", "A", null));
    assertThatThrownBy(() -> actors.put(content)).satisfies(gone());
    assertThatThrownBy(() -> actors.get(List.of("p"), List.of("a"))).satisfies(gone());
    assertThatThrownBy(() -> actors.list(List.of("p"), List.of()).toList()).satisfies(gone());
    assertThatThrownBy(
            () ->
                actors.update(
                    List.of("p"), List.of("a"), UpdateCommand.builder().set("name", "B").build()))
        .satisfies(gone());
    assertThatThrownBy(() -> actors.putBatch(List.of(content)))
        .isInstanceOfSatisfying(
            UnprocessedItemsException.class,
            e -> {
              assertThat(e.unwrittenContents()).containsExactly(content);
              assertThat(e).hasMessageContaining("'" + table.name() + "'");
              assertThat(e.getCause()).satisfies(gone());
            });
  }

  @Test
  void asyncOperationsFailWithTableNotFoundNamingTableAndEntity() {
    PartitionedContent<FilmActor> content =
        PartitionedContent.of(List.of("p"), List.of("a"), new FilmActor("a", "A", null));
    assertThatThrownBy(() -> asyncActors.put(content).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .satisfies(gone());
    assertThatThrownBy(() -> asyncActors.get(List.of("p"), List.of("a")).join())
        .cause()
        .satisfies(gone());
    assertThatThrownBy(
            () -> PublisherCollector.collect(asyncActors.list(List.of("p"), List.of())).join())
        .cause()
        .satisfies(gone());
  }

  private Consumer<Throwable> gone() {
    return error ->
        assertThat(error)
            .isInstanceOfSatisfying(
                TableNotFoundException.class,
                e -> {
                  assertThat(e.tableName()).isEqualTo(table.name());
                  assertThat(e.entityType()).isEqualTo(FilmActor.class);
                  assertThat(e)
                      .hasMessageStartingWith(
                          "DynamoDB table '"
                              + table.name()
                              + "' of the FilmActor repository does not exist (")
                      .hasCauseInstanceOf(ResourceNotFoundException.class);
                });
  }
}
