package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row: bad input to the public API, the specific exception, a message naming the problem, and
 * nothing written. docs/reliability.md lists the same catalogue.
 */
@DynamoDbTest(tablePerClass = true)
class BadInputCatalogueIntegrationTests {

  record Case(
      String name, Class<? extends Throwable> type, String messagePart, ThrowingCallable call) {}

  record Scored(String id, double score) {}

  record Tagged(String id, List<String> tags, Map<String, Double> weights) {}

  record Named(@Size(max = 3) String name) {}

  record WithKeyName(String id, String _table_content_id) {}

  record Reserved(String id, long _object_version) {}

  static final class NotAModel {}

  @DynamoIndex(name = "by-name", partitionIds = "name", contentIds = "id")
  @DynamoIndex(
      name = "by-views",
      local = true,
      contentIds = {"views", "id"})
  record Indexed(String id, String name, long views) {}

  @DynamoIndex(name = "by-name", partitionIds = "nmae")
  record Misnamed(String id, String name) {}

  @DynamoIndex(name = "by-tags", partitionIds = "tags")
  record ListKeyed(String id, List<String> tags) {}

  @DynamoIndex(name = "by_name", partitionIds = "name")
  record KeyNamed(String id, String name, String _by_name_item_id) {}

  record ActorNickname(String id, String nickname) {}

  record Doc(String id, @org.jspecify.annotations.Nullable Map<String, Object> data) {}

  record Counter(String id, long count) {}

  record Dotted(
      String id,
      @com.fasterxml.jackson.annotation.JsonProperty("a.b") long ab,
      Map<String, Long> meta) {}

  /** A row whose message must name {@code messagePart} and must not show {@code secret}. */
  record Hidden(
      String name,
      Class<? extends Throwable> type,
      String messagePart,
      String secret,
      ThrowingCallable call) {}

  /** A map nested {@code levels} maps deep below its attribute. */
  static Map<String, Object> nested(int levels) {
    Map<String, Object> map = new java.util.HashMap<>(Map.of("leaf", 1));
    for (int i = 1; i < levels; i++) {
      map = new java.util.HashMap<>(Map.of("m", map));
    }
    return map;
  }

  record FilmActorName(String id, String name) {}

  record ActorNameAsNumber(String id, int name) {}

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsBeforeAnythingIsWritten(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    DynamoRepository<Profile> profiles = RepositoryFixture.sync(Profile.class, table).build();
    DynamoRepository<Scored> scored = RepositoryFixture.sync(Scored.class, table).build();
    DynamoRepository<Tagged> tagged = RepositoryFixture.sync(Tagged.class, table).build();
    DynamoRepository<Blob> blobs = RepositoryFixture.sync(Blob.class, table).build();
    DynamoRepository<Named> named =
        RepositoryFixture.sync(Named.class, table)
            .validator(Validation.buildDefaultValidatorFactory().getValidator())
            .build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    PartitionedContent<FilmActor> tom =
        PartitionedContent.of(List.of("p"), List.of("tom"), new FilmActor("tom", "Tom", null));
    UpdateCommand.Builder rename = UpdateCommand.builder().set("name", "x");

    List<Case> cases =
        new ArrayList<>(
            List.of(
                // building a repository
                new Case(
                    "no client",
                    InvalidCommandException.class,
                    "client(",
                    () ->
                        DynamoRepository.builder(FilmActor.class)
                            .tableName("t")
                            .partitionPrefix("p")
                            .build()),
                new Case(
                    "no table name",
                    InvalidCommandException.class,
                    "tableName",
                    () ->
                        DynamoRepository.builder(FilmActor.class)
                            .client(LocalDynamoDb.shared().client())
                            .partitionPrefix("p")
                            .build()),
                new Case(
                    "no partition prefix",
                    InvalidCommandException.class,
                    "partitionPrefix",
                    () ->
                        DynamoRepository.builder(FilmActor.class)
                            .client(LocalDynamoDb.shared().client())
                            .tableName("t")
                            .build()),
                new Case(
                    "'#' in the content type",
                    InvalidCommandException.class,
                    "'#'",
                    () ->
                        RepositoryFixture.sync(FilmActor.class, table).contentType("a#b").build()),
                new Case(
                    "same partition and sort key",
                    InvalidCommandException.class,
                    "two different key attributes",
                    () ->
                        RepositoryFixture.sync(FilmActor.class, table)
                            .sortKey(table.partitionKey())
                            .build()),
                new Case(
                    "model uses a key attribute name",
                    InvalidModelException.class,
                    "_table_content_id",
                    () -> RepositoryFixture.sync(WithKeyName.class, table).build()),
                new Case(
                    "model uses a reserved attribute",
                    InvalidModelException.class,
                    "_object_version",
                    () -> RepositoryFixture.sync(Reserved.class, table).build()),
                new Case(
                    "model without properties",
                    InvalidModelException.class,
                    "NotAModel",
                    () -> RepositoryFixture.sync(NotAModel.class, table).build()),
                new Case(
                    "batch concurrency 0",
                    InvalidCommandException.class,
                    "concurrency",
                    () -> BatchSettings.defaults().withConcurrency(0)),
                new Case(
                    "negative batch delay",
                    InvalidCommandException.class,
                    "delays",
                    () ->
                        BatchSettings.defaults().withDelays(Duration.ofMillis(-1), Duration.ZERO)),
                // writing
                new Case(
                    "null id in partition ids",
                    InvalidCommandException.class,
                    "partitionIds[1] is null",
                    () ->
                        actors.put(
                            PartitionedContent.of(
                                Arrays.asList("a", null), List.of("x"), tom.item()))),
                new Case(
                    "version 0",
                    InvalidCommandException.class,
                    "versions start at 1",
                    () -> actors.put(tom.withVersion(0))),
                new Case(
                    "NaN number",
                    InvalidItemException.class,
                    "score",
                    () ->
                        scored.put(
                            PartitionedContent.of(
                                List.of(), List.of("nan"), new Scored("nan", Double.NaN)))),
                new Case(
                    "infinite number in a map",
                    InvalidItemException.class,
                    "weights",
                    () ->
                        tagged.put(
                            PartitionedContent.of(
                                List.of(),
                                List.of("inf"),
                                new Tagged(
                                    "inf", List.of(), Map.of("w", Double.POSITIVE_INFINITY))))),
                new Case(
                    "number beyond DynamoDB's range",
                    InvalidItemException.class,
                    "1E+126",
                    () ->
                        scored.put(
                            PartitionedContent.of(
                                List.of(), List.of("big"), new Scored("big", 1e300)))),
                new Case(
                    "sort key over 1024 bytes",
                    InvalidKeyException.class,
                    "1024",
                    () ->
                        actors.put(
                            PartitionedContent.of(
                                List.of(), List.of("k".repeat(1100)), tom.item()))),
                new Case(
                    "partition key over 2048 bytes",
                    InvalidKeyException.class,
                    "2048",
                    () ->
                        actors.put(
                            PartitionedContent.of(
                                List.of("k".repeat(2100)), List.of("x"), tom.item()))),
                new Case(
                    "item over 400 KB",
                    ItemTooLargeException.class,
                    "400 KB",
                    () ->
                        blobs.put(
                            PartitionedContent.of(
                                List.of(), List.of("big"), new Blob("big", "x".repeat(420_000))))),
                new Case(
                    "Bean Validation violation",
                    InvalidItemException.class,
                    "name: size must be between 0 and 3",
                    () ->
                        named.put(
                            PartitionedContent.of(List.of(), List.of("n"), new Named("toolong")))),
                new Case(
                    "one invalid item in a batch",
                    InvalidItemException.class,
                    "name",
                    () ->
                        named.putBatch(
                            List.of(
                                PartitionedContent.of(List.of(), List.of("ok"), new Named("ok")),
                                PartitionedContent.of(
                                    List.of(), List.of("bad"), new Named("bad!"))))),
                // updating
                new Case(
                    "empty update",
                    InvalidCommandException.class,
                    "changes nothing",
                    () ->
                        actors.update(
                            List.of("p"), List.of("tom"), UpdateCommand.builder().build())),
                new Case(
                    "unknown attribute",
                    InvalidCommandException.class,
                    "nmae",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().set("nmae", "x").build())),
                new Case(
                    "unknown nested attribute",
                    InvalidCommandException.class,
                    "cty",
                    () ->
                        profiles.update(
                            List.of("p"),
                            List.of("x"),
                            UpdateCommand.builder().set("address.cty", "x").build())),
                new Case(
                    "value of the wrong type",
                    InvalidCommandException.class,
                    "views",
                    () ->
                        profiles.update(
                            List.of("p"),
                            List.of("x"),
                            UpdateCommand.builder().set("views", "many").build())),
                new Case(
                    "increment of a string",
                    InvalidCommandException.class,
                    "integral",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().increment("name", 1).build())),
                new Case(
                    "append to a non-list",
                    InvalidCommandException.class,
                    "list",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().append("name", List.of("x")).build())),
                new Case(
                    "merge into a string",
                    InvalidCommandException.class,
                    "map or nested record",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().merge("name", Map.of("a", 1)).build())),
                new Case(
                    "same path twice",
                    InvalidCommandException.class,
                    "twice",
                    () ->
                        actors.update(List.of("p"), List.of("tom"), rename.remove("name").build())),
                new Case(
                    "update of a reserved attribute",
                    InvalidCommandException.class,
                    "_ttl",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().set("_ttl", 1).build())),
                new Case(
                    "blank path",
                    InvalidCommandException.class,
                    "blank",
                    () -> UpdateCommand.builder().remove(" ")),
                new Case(
                    "update of a missing item",
                    ItemNotFoundException.class,
                    "put it first",
                    () ->
                        actors.update(
                            List.of("p"),
                            List.of("nobody"),
                            UpdateCommand.builder().set("name", "x").build())),
                // querying
                new Case(
                    "limit 0",
                    InvalidCommandException.class,
                    "limit 0",
                    () -> QueryOptions.builder().limit(0).build()),
                new Case(
                    "negative page size",
                    InvalidCommandException.class,
                    "pageSize",
                    () -> QueryOptions.builder().pageSize(-5).build()),
                new Case(
                    "filter on an unknown attribute",
                    InvalidCommandException.class,
                    "revew",
                    () ->
                        actors.list(
                            List.of("p"),
                            List.of(),
                            QueryOptions.builder()
                                .filter(FilterCommand.builder().exists("revew").build())
                                .build())),
                new Case(
                    "filter value of the wrong type",
                    InvalidCommandException.class,
                    "views",
                    () ->
                        profiles.list(
                            List.of("p"),
                            List.of(),
                            QueryOptions.builder()
                                .filter(
                                    FilterCommand.builder().greaterThan("views", "lots").build())
                                .build())),
                new Case(
                    "filter with a null bound",
                    InvalidCommandException.class,
                    "notExists",
                    () -> FilterCommand.builder().greaterThan("review", null)),
                new Case(
                    "in with no values",
                    InvalidCommandException.class,
                    "1 to 100",
                    () -> FilterCommand.builder().in("name", List.of())),
                new Case(
                    "start after end",
                    InvalidCommandException.class,
                    "sorts after end",
                    () -> actors.listBetween(List.of("p"), List.of("z"), List.of("a"))),
                new Case(
                    "altered continuation token",
                    InvalidCommandException.class,
                    "startToken",
                    () ->
                        actors.list(
                            List.of("p"),
                            List.of(),
                            QueryOptions.builder().startToken("AQAAbm90LWEtdG9rZW4").build())),
                new Case(
                    "async update with an unknown attribute",
                    InvalidCommandException.class,
                    "nmae",
                    () ->
                        async.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().set("nmae", "x").build()))));

    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      int before = table.count();
                      assertThatThrownBy(c.call())
                          .isInstanceOf(c.type())
                          .hasMessageContaining(c.messagePart());
                      assertThat(table.count())
                          .as("nothing written by: " + c.name())
                          .isEqualTo(before);
                    }));
  }

  /**
   * The rows for the calls beyond the Python library's (exact deletes, conditional writes, scans,
   * indexes, projections), numbered after the first factory's in docs/reliability.md. A stored item
   * is there first, so "nothing written" also means nothing deleted.
   */
  @TestFactory
  Stream<DynamicTest> everyBadInputToTheNewCallsFailsBeforeAnythingIsWritten(TestTable table) {
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    DynamoRepository<Profile> profiles = RepositoryFixture.sync(Profile.class, table).build();
    AsyncDynamoRepository<FilmActor> async =
        RepositoryFixture.async(FilmActor.class, table).build();
    DynamoRepository<Indexed> indexed = RepositoryFixture.sync(Indexed.class, table).build();
    AsyncDynamoRepository<Indexed> asyncIndexed =
        RepositoryFixture.async(Indexed.class, table).build();
    PartitionedContent<FilmActor> tom =
        PartitionedContent.of(List.of("p"), List.of("tom"), new FilmActor("tom", "Tom", null));
    actors.put(tom);

    List<Case> cases =
        new ArrayList<>(
            List.of(
                // exact deletes
                new Case(
                    "deleteItem with a null id",
                    InvalidCommandException.class,
                    "contentIds[0] is null",
                    () -> actors.deleteItem(List.of("p"), Arrays.asList((String) null))),
                new Case(
                    "deleteItem at version 0",
                    InvalidCommandException.class,
                    "versions start at 1",
                    () -> actors.deleteItem(List.of("p"), List.of("tom"), 0)),
                new Case(
                    "deleteItem at a stale version",
                    VersionConflictException.class,
                    "not the expected 2",
                    () -> actors.deleteItem(List.of("p"), List.of("tom"), 2)),
                new Case(
                    "deleteItem at a version of a missing item",
                    ItemNotFoundException.class,
                    "no item",
                    () -> actors.deleteItem(List.of("p"), List.of("nobody"), 1)),
                new Case(
                    "deleteBatch with a null key",
                    InvalidCommandException.class,
                    "keys[1] is null",
                    () -> actors.deleteBatch(Arrays.asList(tom.key(), null))),
                new Case(
                    "deleteBatch with a key over 1024 bytes",
                    InvalidKeyException.class,
                    "1024",
                    () ->
                        actors.deleteBatch(
                            List.of(
                                tom.key(),
                                ContentKey.of(List.of("p"), List.of("k".repeat(1100)))))),
                new Case(
                    "async deleteBatch with a null key",
                    InvalidCommandException.class,
                    "keys[0] is null",
                    () -> async.deleteBatch(Arrays.asList((ContentKey) null))),
                // conditional writes
                new Case(
                    "put with a condition on an unknown attribute",
                    InvalidCommandException.class,
                    "revew",
                    () -> actors.put(tom, FilterCommand.builder().notExists("revew").build())),
                new Case(
                    "update with a condition value of the wrong type",
                    InvalidCommandException.class,
                    "views",
                    () ->
                        profiles.update(
                            List.of("p"),
                            List.of("x"),
                            UpdateCommand.builder().set("name", "x").requireExists(false).build(),
                            FilterCommand.builder().greaterThan("views", "lots").build())),
                new Case(
                    "put with an empty condition",
                    InvalidCommandException.class,
                    "no clauses",
                    () -> actors.put(tom, FilterCommand.builder().build())),
                new Case(
                    "put whose condition fails",
                    ConditionFailedException.class,
                    "EXISTS review",
                    () -> actors.put(tom, FilterCommand.builder().exists("review").build())),
                new Case(
                    "async update with a condition on an unknown attribute",
                    InvalidCommandException.class,
                    "nmae",
                    () ->
                        async.update(
                            List.of("p"),
                            List.of("tom"),
                            UpdateCommand.builder().set("name", "x").build(),
                            FilterCommand.builder().exists("nmae").build())),
                // scans
                new Case(
                    "scan with a filter on an unknown attribute",
                    InvalidCommandException.class,
                    "revew",
                    () ->
                        actors.scan(
                            ScanOptions.builder()
                                .filter(FilterCommand.builder().exists("revew").build())
                                .build())),
                new Case(
                    "scan of a segment out of range",
                    InvalidCommandException.class,
                    "segment 4 is not a segment of 4",
                    () -> ScanOptions.builder().segment(4, 4).build()),
                new Case(
                    "scan in 0 segments",
                    InvalidCommandException.class,
                    "totalSegments 0",
                    () -> ScanOptions.builder().parallel(0).build()),
                new Case(
                    "scan with an altered token",
                    InvalidCommandException.class,
                    "startToken",
                    () ->
                        actors.scan(
                            ScanOptions.builder().startToken("AgAAbm90LWEtdG9rZW4").build())),
                new Case(
                    "scan with the token of another scan",
                    InvalidCommandException.class,
                    "3 segments",
                    () ->
                        actors.scan(
                            ScanOptions.builder()
                                .parallel(3)
                                .startToken(
                                    actors
                                        .scan(ScanOptions.builder().pageSize(1).build())
                                        .findFirst()
                                        .orElseThrow()
                                        .nextToken()
                                        .orElseThrow())
                                .build())),
                new Case(
                    "async scan with a filter value of the wrong type",
                    InvalidCommandException.class,
                    "name",
                    () ->
                        async.scan(
                            ScanOptions.builder()
                                .filter(
                                    FilterCommand.builder().greaterThan("name", List.of()).build())
                                .build())),
                // secondary indexes
                new Case(
                    "index on an unknown property",
                    InvalidModelException.class,
                    "nmae",
                    () -> RepositoryFixture.sync(Misnamed.class, table).build()),
                new Case(
                    "index on a list property",
                    InvalidModelException.class,
                    "index keys are made of",
                    () -> RepositoryFixture.sync(ListKeyed.class, table).build()),
                new Case(
                    "model property named like an index key attribute",
                    InvalidModelException.class,
                    "_by_name_item_id",
                    () -> RepositoryFixture.sync(KeyNamed.class, table).build()),
                new Case(
                    "local index with partition ids",
                    InvalidCommandException.class,
                    "shares the table's partition key",
                    () ->
                        RepositoryFixture.sync(Indexed.class, table)
                            .index(SecondaryIndex.local("by-x").partitionIds("name").build())
                            .build()),
                new Case(
                    "index on a key attribute of the table",
                    InvalidCommandException.class,
                    "key attribute of the table",
                    () ->
                        RepositoryFixture.sync(Indexed.class, table)
                            .index(
                                SecondaryIndex.local("by-x")
                                    .sortKey(table.sortKey())
                                    .contentIds("name")
                                    .build())
                            .build()),
                new Case(
                    "query of an unknown index",
                    InvalidCommandException.class,
                    "no index 'by-nmae'",
                    () -> indexed.index("by-nmae")),
                new Case(
                    "consistent read of a global index",
                    InvalidCommandException.class,
                    "global",
                    () ->
                        indexed
                            .index("by-name")
                            .list(
                                List.of("Tom"),
                                List.of(),
                                QueryOptions.builder().consistentRead(true).build())),
                new Case(
                    "wrong number of index partition ids",
                    InvalidCommandException.class,
                    "not 2",
                    () -> indexed.index("by-name").list(List.of("Tom", "Hanks"), List.of())),
                new Case(
                    "null index partition id",
                    InvalidCommandException.class,
                    "partitionIds[0] is null",
                    () -> indexed.index("by-name").list(Arrays.asList((String) null), List.of())),
                new Case(
                    "index content prefix longer than the index sort key",
                    InvalidCommandException.class,
                    "at most",
                    () -> indexed.index("by-views").list(List.of("p"), List.of("1", "a", "b"))),
                new Case(
                    "update of part of an index key",
                    InvalidCommandException.class,
                    "set every one of them",
                    () ->
                        indexed.update(
                            List.of("p"),
                            List.of("x"),
                            UpdateCommand.builder().set("views", 3).build())),
                new Case(
                    "update incrementing an index key source",
                    InvalidCommandException.class,
                    "increments 'views'",
                    () ->
                        indexed.update(
                            List.of("p"),
                            List.of("x"),
                            UpdateCommand.builder().increment("views", 1).set("id", "x").build())),
                new Case(
                    "token of another index",
                    InvalidCommandException.class,
                    "not issued by this query of index by-name",
                    () ->
                        indexed
                            .index("by-name")
                            .list(
                                List.of("Tom"),
                                List.of(),
                                QueryOptions.builder()
                                    .startToken(
                                        new io.github.pydanticdynamo.internal.paging.PageToken(
                                                List.of(
                                                    io.github.pydanticdynamo.internal.paging
                                                        .PageToken.Position.at(Map.of("a", "b"))))
                                            .encode(
                                                io.github.pydanticdynamo.internal.paging.TokenSealer
                                                    .processKey(),
                                                List.of(
                                                    "index query",
                                                    table.name(),
                                                    "by-views",
                                                    "test#Indexed#p",
                                                    "begins_with",
                                                    "")))
                                    .build())),
                new Case(
                    "async listBetween on an index with start after end",
                    InvalidCommandException.class,
                    "sorts after end",
                    () ->
                        asyncIndexed
                            .index("by-name")
                            .listBetween(
                                List.of("Tom"),
                                List.of("z"),
                                List.of("a"),
                                QueryOptions.defaults())),
                // projections
                new Case(
                    "projection with a component the entity lacks",
                    InvalidModelException.class,
                    "'nickname', which is not a property of FilmActor",
                    () -> actors.projection(ActorNickname.class)),
                new Case(
                    "projection with a component of another type",
                    InvalidModelException.class,
                    "reads 'name' as int",
                    () -> actors.projection(ActorNameAsNumber.class)),
                new Case(
                    "projection into a type without properties",
                    InvalidModelException.class,
                    "NotAModel",
                    () -> actors.projection(NotAModel.class)),
                new Case(
                    "projected list with a filter on an unknown attribute",
                    InvalidCommandException.class,
                    "revew",
                    () ->
                        actors
                            .projection(FilmActorName.class)
                            .list(
                                List.of("p"),
                                List.of(),
                                QueryOptions.builder()
                                    .filter(FilterCommand.builder().exists("revew").build())
                                    .build())),
                new Case(
                    "async projection with a component of another type",
                    InvalidModelException.class,
                    "reads 'name' as int",
                    () -> async.projection(ActorNameAsNumber.class))));

    return dynamicTests(cases, table);
  }

  /**
   * The rows of issue 17 (sealed tokens and the smaller points), numbered after the others in
   * docs/reliability.md: items nested too deep or holding themselves, Jackson failures, names with
   * a dot, sealed tokens and token keys; each message names the field and type, never a value.
   */
  @TestFactory
  Stream<DynamicTest> issue17BadInputFailsBeforeAnythingIsWrittenAndShowsNoValue(TestTable table) {
    DynamoRepository<Doc> docs = RepositoryFixture.sync(Doc.class, table).build();
    AsyncDynamoRepository<Doc> asyncDocs = RepositoryFixture.async(Doc.class, table).build();
    DynamoRepository<Counter> counters = RepositoryFixture.sync(Counter.class, table).build();
    DynamoRepository<Dotted> dotted = RepositoryFixture.sync(Dotted.class, table).build();
    DynamoRepository<FilmActor> actors = RepositoryFixture.sync(FilmActor.class, table).build();
    counters.put(PartitionedContent.of(List.of("p"), List.of("c"), new Counter("c", 1)));
    dotted.put(
        PartitionedContent.of(List.of("p"), List.of("d"), new Dotted("d", 1, Map.of("x.y", 1L))));
    actors.putBatch(RepositoryFixture.actors(3));
    // a stored item whose count another writer stored as text
    table
        .client()
        .putItem(
            b ->
                b.tableName(table.name())
                    .item(
                        Map.of(
                            table.partitionKey(),
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "test#Counter#p"),
                            table.sortKey(),
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "Counter#stored-as-text"),
                            "count",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "ITEMSECRET-stored"))));
    Map<String, Object> cyclic = new java.util.HashMap<>();
    cyclic.put("self", cyclic);
    String listToken =
        actors
            .list(List.of("p"), List.of(), QueryOptions.builder().pageSize(1).build())
            .findFirst()
            .orElseThrow()
            .nextToken()
            .orElseThrow();
    String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    List<Hidden> rows =
        List.of(
            new Hidden(
                "item nested deeper than 32 levels",
                InvalidItemException.class,
                "nested more than 32 levels deep",
                "leaf",
                () ->
                    docs.put(
                        PartitionedContent.of(
                            List.of("p"), List.of("deep"), new Doc("deep", nested(33))))),
            new Hidden(
                "putBatch of an item nested deeper than 32 levels",
                InvalidItemException.class,
                "32 levels of nested maps and lists",
                "leaf",
                () ->
                    docs.putBatch(
                        List.of(
                            PartitionedContent.of(
                                List.of("p"), List.of("deep"), new Doc("deep", nested(40)))))),
            new Hidden(
                "async put of an item nested deeper than 32 levels",
                InvalidItemException.class,
                "nested more than 32 levels deep",
                "leaf",
                () ->
                    asyncDocs.put(
                        PartitionedContent.of(
                            List.of("p"), List.of("deep"), new Doc("deep", nested(33))))),
            new Hidden(
                "update setting a value nested deeper than 32 levels",
                InvalidCommandException.class,
                "nested more than 32 levels deep",
                "leaf",
                () ->
                    docs.update(
                        List.of("p"),
                        List.of("c"),
                        UpdateCommand.builder().set("data", nested(33)).build())),
            new Hidden(
                "item with a map that contains itself",
                InvalidItemException.class,
                "contain itself",
                "self=",
                () ->
                    docs.put(
                        PartitionedContent.of(
                            List.of("p"), List.of("cyclic"), new Doc("cyclic", cyclic)))),
            new Hidden(
                "update with a map that contains itself",
                InvalidCommandException.class,
                "contain itself",
                "self=",
                () ->
                    docs.update(
                        List.of("p"),
                        List.of("c"),
                        UpdateCommand.builder().set("data", cyclic).build())),
            new Hidden(
                "item with a value Jackson cannot write",
                InvalidItemException.class,
                "cannot be written",
                "java.lang.Object@",
                () ->
                    docs.put(
                        PartitionedContent.of(
                            List.of("p"),
                            List.of("object"),
                            new Doc("object", Map.of("x", new Object()))))),
            new Hidden(
                "update of a name with a dot, unescaped",
                InvalidCommandException.class,
                "a\\.b",
                "ITEMSECRET",
                () ->
                    dotted.update(
                        List.of("p"), List.of("d"), UpdateCommand.builder().set("a.b", 2).build())),
            new Hidden(
                "filter on a name with a dot, unescaped",
                InvalidCommandException.class,
                "a\\.b",
                "ITEMSECRET",
                () ->
                    dotted.list(
                        List.of("p"),
                        List.of(),
                        QueryOptions.builder()
                            .filter(FilterCommand.builder().equalTo("a.b", 1).build())
                            .build())),
            new Hidden(
                "update value of the wrong type",
                InvalidCommandException.class,
                "value of type String for 'count' cannot be converted to long",
                "ITEMSECRET",
                () ->
                    counters.update(
                        List.of("p"),
                        List.of("c"),
                        UpdateCommand.builder().set("count", "ITEMSECRET-update").build())),
            new Hidden(
                "filter value of the wrong type",
                InvalidCommandException.class,
                "of type String for 'count'",
                "ITEMSECRET",
                () ->
                    counters.list(
                        List.of("p"),
                        List.of(),
                        QueryOptions.builder()
                            .filter(
                                FilterCommand.builder()
                                    .greaterThan("count", "ITEMSECRET-filter")
                                    .build())
                            .build())),
            new Hidden(
                "stored value that does not fit the model",
                ItemMappingException.class,
                "'count'",
                "ITEMSECRET",
                () -> counters.getItem(List.of("p"), List.of("stored-as-text"))),
            new Hidden(
                "token sealed with another key",
                InvalidCommandException.class,
                "another token key",
                listToken.substring(0, 12),
                () ->
                    RepositoryFixture.sync(FilmActor.class, table)
                        .tokenKey(otherKey)
                        .build()
                        .list(
                            List.of("p"),
                            List.of(),
                            QueryOptions.builder().startToken(listToken).build())),
            new Hidden(
                "unsealed token of an earlier version",
                InvalidCommandException.class,
                "unsealed token of an earlier version",
                "AQAM",
                () ->
                    actors.list(
                        List.of("p"),
                        List.of(),
                        QueryOptions.builder()
                            .startToken("AQAMdGVzdCNGaWxtQWN0b3IjcAAAAAAAAAAA")
                            .build())),
            new Hidden(
                "tokenKey of the wrong length",
                InvalidCommandException.class,
                "tokenKey decodes to 10 bytes",
                "c2VjcmV0LWtleQ",
                () -> RepositoryFixture.sync(FilmActor.class, table).tokenKey("c2VjcmV0LWtleQ==")),
            new Hidden(
                "tokenKey that is not Base64",
                InvalidCommandException.class,
                "tokenKey is not Base64",
                "not a key",
                () -> RepositoryFixture.sync(FilmActor.class, table).tokenKey("not a key!")));

    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.name(),
                    () -> {
                      List<
                              Map<
                                  String,
                                  software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
                          before = table.scanAll();
                      assertThatThrownBy(row.call())
                          .isInstanceOf(row.type())
                          .hasMessageContaining(row.messagePart())
                          .message()
                          .doesNotContain(row.secret());
                      assertThat(table.scanAll())
                          .as("nothing written or deleted by: " + row.name())
                          .containsExactlyInAnyOrderElementsOf(before);
                    }));
  }

  @org.junit.jupiter.api.Test
  void commandsShowPathsAndOperatorsButNeverValues() {
    UpdateCommand update =
        UpdateCommand.builder()
            .set("review", "ITEMSECRET-set")
            .merge("scores", Map.of("ITEMSECRET-key", 1))
            .increment("views", 987654321)
            .append("tags", List.of("ITEMSECRET-tag"))
            .remove("nickname")
            .expiry(java.time.Instant.parse("2031-02-03T04:05:06Z"))
            .currentVersion(123456789)
            .build();
    FilterCommand filter =
        FilterCommand.builder()
            .equalTo("name", "ITEMSECRET-name")
            .between("views", 111111, 999999)
            .in("status", List.of("ITEMSECRET-in"))
            .notExists("review")
            .build();

    assertThat(update.toString())
        .contains(
            "Set[review]", "Merge[scores, 1 key]", "Increment[views]", "Append[tags, 1 element]")
        .contains("Remove[path=nickname]", "expiry=SET", "versionChecked=true")
        .doesNotContain("ITEMSECRET", "987654321", "2031", "123456789");
    assertThat(filter.toString())
        .contains("EQUAL_TO[name]", "BETWEEN[views]", "IN[status]", "NOT_EXISTS[review]")
        .doesNotContain("ITEMSECRET", "111111", "999999");
  }

  private static Stream<DynamicTest> dynamicTests(List<Case> cases, TestTable table) {
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      List<
                              Map<
                                  String,
                                  software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
                          before = table.scanAll();
                      assertThatThrownBy(c.call())
                          .isInstanceOf(c.type())
                          .hasMessageContaining(c.messagePart());
                      assertThat(table.scanAll())
                          .as("nothing written or deleted by: " + c.name())
                          .containsExactlyInAnyOrderElementsOf(before);
                    }));
  }
}
