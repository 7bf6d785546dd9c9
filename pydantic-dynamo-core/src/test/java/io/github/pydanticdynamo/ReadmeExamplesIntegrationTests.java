package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The README's sections on each capability: the regions between {@code tag::} and {@code end::} are
 * its code blocks ({@code ReadmeSnippetsTests} in the smoke tests keeps them equal), and each runs
 * here against the local engine.
 */
@DynamoDbTest
class ReadmeExamplesIntegrationTests {

  // tag::index-model[]
  @DynamoEntity(contentType = "review", partitionName = "reviews")
  @DynamoIndex(name = "by-reviewer", partitionIds = "reviewer", contentIds = "date")
  record ActorReview(String id, String actorId, String reviewer, LocalDate date, String text) {}

  // end::index-model[]

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

  @Test
  void sealedTokens(TestTable table) {
    String tokenKey = "c2VhbGVkLXRva2Vucy10ZXN0LWtleS0zMi1ieXRlcyE=";
    DynamoRepository<FilmActor> seed =
        RepositoryFixture.sync(FilmActor.class, table).tokenKey(tokenKey).build();
    seed.putBatch(RepositoryFixture.actors(30));
    DynamoDbClient dynamoDbClient = LocalDynamoDb.shared().client();
    String tableName = table.name();

    // tag::tokens[]
    // every instance that must accept the others' tokens gets the same key (Base64 of 32 bytes,
    // e.g. `openssl rand -base64 32`); without one, each process makes its own random key
    DynamoRepository<FilmActor> actors =
        DynamoRepository.builder(FilmActor.class)
            .client(dynamoDbClient)
            .tableName(tableName)
            .partitionPrefix("test")
            .tokenKey(tokenKey)
            .build();

    BatchResponse<FilmActor> page =
        actors
            .list(List.of("p"), List.of(), QueryOptions.builder().limit(10).build())
            .reduce((a, b) -> b)
            .orElseThrow();
    String next = page.nextToken().orElseThrow(); // opaque: encrypted and authenticated

    // the next 10, on this instance or another with the same key
    List<FilmActor> more =
        actors
            .listContents(
                List.of("p"), List.of(), QueryOptions.builder().limit(10).startToken(next).build())
            .map(PartitionedContent::item)
            .toList();

    // an altered token, or one of another partition, query, table or key: refused before I/O
    assertThatThrownBy(
            () ->
                actors.list(
                    List.of("q"), List.of(), QueryOptions.builder().startToken(next).build()))
        .isInstanceOf(InvalidCommandException.class);
    // end::tokens[]

    assertThat(more).extracting(FilmActor::id).startsWith("a10").hasSize(10);
  }

  @Test
  void clientTimeouts() {
    // tag::client-timeouts[]
    // what the starter sets by default (pydantic-dynamo.client.*), for a client you build yourself
    DynamoDbClient client =
        DynamoDbClient.builder()
            .region(Region.EU_WEST_1)
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(Duration.ofSeconds(20)) // the whole call, retries included
                    .apiCallAttemptTimeout(Duration.ofSeconds(5)) // one HTTP attempt
                    .build())
            .build();
    // end::client-timeouts[]

    try (client) {
      assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
          .contains(Duration.ofSeconds(20));
    }
  }

  @Test
  void secondaryIndexes(TestTable defaultTable) {
    LocalDynamoDb db = LocalDynamoDb.shared();
    DynamoDbClient dynamoDbClient = db.client();
    String tableName = "readme-" + java.util.UUID.randomUUID();
    // tag::index-query[]
    DynamoRepository<ActorReview> reviews =
        DynamoRepository.builder(ActorReview.class) // @DynamoIndex is read from the record
            .client(dynamoDbClient)
            .tableName(tableName)
            .partitionPrefix("films")
            .build();
    // the table with its indexes (the starter's create-tables does the same)
    dynamoDbClient.createTable(reviews.settings().tableLayout().createTableRequest(tableName));
    // end::index-query[]
    db.client().waiter().waitUntilTableExists(b -> b.tableName(tableName));
    try {
      // tag::index-use[]
      reviews.put(
          PartitionedContent.of(
              List.of("tom-hanks"),
              List.of("r1"),
              new ActorReview("r1", "tom-hanks", "alice", LocalDate.of(2024, 5, 1), "Great")));

      // every review alice wrote in May 2024, newest first, any actor
      IndexView<ActorReview> byReviewer = reviews.index("by-reviewer");
      List<ActorReview> mays =
          byReviewer
              .listContents(
                  List.of("alice"),
                  List.of("2024-05"),
                  QueryOptions.builder().ascending(false).build())
              .map(PartitionedContent::item)
              .toList();

      // an update that sets the reviewer moves the review in the index, in the same write
      reviews.update(
          List.of("tom-hanks"),
          List.of("r1"),
          UpdateCommand.builder().set("reviewer", "bob").build());
      // end::index-use[]

      assertThat(mays).extracting(ActorReview::id).containsExactly("r1");
      assertThat(byReviewer.listContents(List.of("alice"), List.of())).isEmpty();
      assertThat(byReviewer.listContents(List.of("bob"), List.of())).hasSize(1);
    } finally {
      dynamoDbClient.deleteTable(b -> b.tableName(tableName));
    }
  }

  // tag::projection-model[]
  /** Two of FilmActor's properties: only they (and the keys and version) are read. */
  record ActorName(String id, String name) {}

  // end::projection-model[]

  @Test
  void projections(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    actors.put(
        PartitionedContent.of(
            List.of(),
            List.of("tom-hanks"),
            new FilmActor("tom-hanks", "Tom Hanks", "a long review")));

    // tag::projection[]
    ProjectionView<ActorName> names = actors.projection(ActorName.class); // checked here
    Optional<ActorName> tom = names.getItem(List.of(), List.of("tom-hanks"));
    List<ActorName> reviewed =
        names
            .list(
                List.of(),
                List.of(),
                QueryOptions.builder() // filters name the entity's attributes, projected or not
                    .filter(FilterCommand.builder().exists("review").build())
                    .build())
            .flatMap(page -> page.items().stream())
            .toList();
    // end::projection[]

    assertThat(tom).contains(new ActorName("tom-hanks", "Tom Hanks"));
    assertThat(reviewed).containsExactly(new ActorName("tom-hanks", "Tom Hanks"));
  }
}
