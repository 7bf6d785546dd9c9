package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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

  @Test
  void scans(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    actors.putBatch(
        java.util.stream.IntStream.range(0, 120)
            .mapToObj(
                i ->
                    PartitionedContent.of(
                        List.of("region-" + i % 5),
                        List.of("actor-" + i),
                        new FilmActor("actor-" + i, "Actor " + i, i % 2 == 0 ? "Great" : null)))
            .toList());
    List<FilmActor> exported = new java.util.ArrayList<>();

    // tag::scan[]
    // every actor in the table, all partitions; other types sharing the table are skipped
    try (Stream<BatchResponse<FilmActor>> pages = actors.scan()) {
      pages.forEach(page -> exported.addAll(page.items()));
    }

    // an export in 8 segments, 4 at a time, only reviewed actors
    ScanOptions parallel =
        ScanOptions.builder()
            .parallel(8)
            .maxConcurrency(4)
            .filter(FilterCommand.builder().exists("review").build())
            .build();
    long reviewed = actors.scanContents(parallel).count();

    // resumable: the first 50, then from the last page's token
    List<BatchResponse<FilmActor>> first =
        actors.scan(ScanOptions.builder().limit(50).build()).toList();
    String token = first.get(first.size() - 1).nextToken().orElseThrow();
    Stream<BatchResponse<FilmActor>> rest =
        actors.scan(ScanOptions.builder().startToken(token).build());
    // end::scan[]

    assertThat(exported).hasSize(120);
    assertThat(reviewed).isEqualTo(60);
    assertThat(rest.mapToLong(page -> page.contents().size()).sum()).isEqualTo(70);
  }
}
