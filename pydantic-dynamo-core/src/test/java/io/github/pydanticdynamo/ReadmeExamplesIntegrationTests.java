package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's sections on each capability: the regions between {@code tag::} and {@code end::} are
 * its code blocks ({@code ReadmeSnippetsTests} in the smoke tests keeps them equal), and each runs
 * here against the local engine.
 */
@DynamoDbTest
class ReadmeExamplesIntegrationTests {

  @Test
  void exactDelete(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    actors.putBatch(
        List.of(
            PartitionedContent.of(
                List.of(), List.of("tom-hanks"), new FilmActor("tom-hanks", "Tom Hanks", null)),
            PartitionedContent.of(
                List.of(), List.of("tom-hanks-jr"), new FilmActor("tom-hanks-jr", "Tom Jr", null)),
            PartitionedContent.of(
                List.of(), List.of("meg-ryan"), new FilmActor("meg-ryan", "Meg Ryan", null))));

    // tag::exact-delete[]
    // one item, by its exact ids ("tom-hanks-jr" stays; delete(ids, prefix) would take both)
    Optional<PartitionedContent<FilmActor>> gone =
        actors.deleteItem(List.of(), List.of("tom-hanks"));

    // only if it is still at the version we read: VersionConflictException otherwise,
    // ItemNotFoundException when it is already gone
    PartitionedContent<FilmActor> meg =
        actors.get(List.of(), List.of("meg-ryan")).content().orElseThrow();
    actors.deleteItem(List.of(), List.of("meg-ryan"), meg.currentVersion());

    // many exact keys: chunks of 25, unprocessed deletes retried like putBatch
    actors.deleteBatch(List.of(ContentKey.of(List.of(), List.of("tom-hanks-jr"))));
    // end::exact-delete[]

    assertThat(gone).map(c -> c.item().name()).contains("Tom Hanks");
    assertThatThrownBy(() -> actors.deleteItem(List.of(), List.of("meg-ryan"), 1))
        .isInstanceOf(ItemNotFoundException.class);
    assertThat(table.count()).isZero();
  }

  @Test
  void conditionalWrites(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    PartitionedContent<FilmActor> tom =
        PartitionedContent.of(
            List.of(), List.of("tom-hanks"), new FilmActor("tom-hanks", "Tom Hanks", null));
    actors.put(tom);

    // tag::conditional-writes[]
    // the filter vocabulary, checked against the model before any request
    FilterCommand unreviewed = FilterCommand.builder().notExists("review").build();
    actors.update(
        List.of(),
        List.of("tom-hanks"),
        UpdateCommand.builder().set("review", "Two Oscars").build(),
        unreviewed);

    try {
      actors.put(tom, unreviewed); // would drop the review: refused
    } catch (ConditionFailedException e) {
      List<FilterCommand.Condition> failed = e.failedConditions(); // [NOT_EXISTS review]
    }
    // end::conditional-writes[]

    assertThatThrownBy(() -> actors.put(tom, unreviewed))
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e ->
                assertThat(e.failedConditions())
                    .extracting(FilterCommand.Condition::path)
                    .containsExactly("review"));
    assertThat(actors.getItem(List.of(), List.of("tom-hanks")).orElseThrow().review())
        .isEqualTo("Two Oscars");
  }
}
