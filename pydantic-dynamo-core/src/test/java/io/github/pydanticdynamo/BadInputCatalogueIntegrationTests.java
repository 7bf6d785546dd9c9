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
}
