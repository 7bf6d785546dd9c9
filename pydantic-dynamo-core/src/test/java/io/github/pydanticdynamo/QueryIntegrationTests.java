package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.ActorReview;
import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbTest
class QueryIntegrationTests {
  private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");

  private static String pad(int i) {
    return String.format("%03d", i);
  }

  private static DynamoRepository<FilmActor> actors(TestTable table, int count) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    PartitionedContent.of(
                        List.of("p"),
                        List.of(pad(i)),
                        new FilmActor(pad(i), "Actor " + i, i % 2 == 0 ? null : "review " + i)))
            .toList());
    return repo;
  }

  private static List<String> ids(java.util.stream.Stream<BatchResponse<FilmActor>> pages) {
    return pages.flatMap(p -> p.contents().stream()).map(c -> c.item().id()).toList();
  }

  private static List<String> range(int from, int to) {
    return IntStream.range(from, to).mapToObj(QueryIntegrationTests::pad).toList();
  }

  @Test
  void listsByPrefixInBothOrders(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 137);
    assertThat(ids(repo.list(List.of("p"), List.of()))).containsExactlyElementsOf(range(0, 137));
    assertThat(ids(repo.list(List.of("p"), List.of("0")))).containsExactlyElementsOf(range(0, 100));
    List<String> descending = new ArrayList<>(range(100, 137));
    Collections.reverse(descending);
    assertThat(
            ids(
                repo.list(
                    List.of("p"), List.of("1"), QueryOptions.builder().ascending(false).build())))
        .containsExactlyElementsOf(descending);
    assertThat(ids(repo.list(List.of("other"), List.of()))).isEmpty();
  }

  @Test
  void limitIsExactAndItsTokenResumesWithoutGapOrOverlap(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 137);
    QueryOptions ten = QueryOptions.builder().limit(10).build();

    List<BatchResponse<FilmActor>> first = repo.list(List.of("p"), List.of(), ten).toList();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).items())
        .extracting(FilmActor::id)
        .containsExactlyElementsOf(range(0, 10));
    String token = first.get(0).nextToken().orElseThrow();

    List<String> next =
        ids(repo.list(List.of("p"), List.of(), ten.toBuilder().startToken(token).build()));
    assertThat(next).containsExactlyElementsOf(range(10, 20));

    List<String> rest = new ArrayList<>();
    String cursor = token;
    while (cursor != null) {
      BatchResponse<FilmActor> page =
          repo.list(
                  List.of("p"),
                  List.of(),
                  QueryOptions.builder().limit(25).startToken(cursor).build())
              .reduce((a, b) -> b)
              .orElseThrow();
      rest.addAll(page.items().stream().map(FilmActor::id).toList());
      cursor = page.nextToken().orElse(null);
    }
    assertThat(rest).containsExactlyElementsOf(range(10, 137));
  }

  @Test
  void limitWithAFilterKeepsPagingUntilEnoughMatch(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 137);
    QueryOptions options =
        QueryOptions.builder()
            .limit(7)
            .pageSize(5)
            .filter(FilterCommand.builder().notExists("review").build())
            .build();
    List<BatchResponse<FilmActor>> pages = repo.list(List.of("p"), List.of(), options).toList();
    List<String> found =
        pages.stream().flatMap(p -> p.items().stream()).map(FilmActor::id).toList();
    assertThat(found).containsExactly("000", "002", "004", "006", "008", "010", "012");
    assertThat(pages.size()).isGreaterThan(1);
    assertThat(pages.get(pages.size() - 1).nextToken()).isPresent();
    assertThat(pages.subList(0, pages.size() - 1))
        .allSatisfy(p -> assertThat(p.nextToken()).isPresent());

    String token = pages.get(pages.size() - 1).nextToken().orElseThrow();
    assertThat(
            ids(repo.list(List.of("p"), List.of(), options.toBuilder().startToken(token).build())))
        .containsExactly("014", "016", "018", "020", "022", "024", "026");
  }

  @Test
  void filtersWithoutLimitReturnEveryMatch(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 30);
    FilterCommand reviewed =
        FilterCommand.builder().exists("review").beginsWith("review", "review 1").build();
    assertThat(
            ids(
                repo.list(
                    List.of("p"), List.of(), QueryOptions.builder().filter(reviewed).build())))
        .containsExactly("001", "011", "013", "015", "017", "019");
    FilterCommand equal = FilterCommand.builder().equalTo("name", "Actor 3").build();
    assertThat(
            ids(repo.list(List.of("p"), List.of(), QueryOptions.builder().filter(equal).build())))
        .containsExactly("003");
    FilterCommand in =
        FilterCommand.builder()
            .in("id", List.of("001", "005", "999"))
            .notEqualTo("id", "005")
            .build();
    assertThat(ids(repo.list(List.of("p"), List.of(), QueryOptions.builder().filter(in).build())))
        .containsExactly("001");
    FilterCommand between = FilterCommand.builder().between("id", "010", "012").build();
    assertThat(
            ids(repo.list(List.of("p"), List.of(), QueryOptions.builder().filter(between).build())))
        .containsExactly("010", "011", "012");
  }

  @Test
  void notExistsMatchesNullAttributesWrittenByThePythonLibrary(
      TestTable table, DynamoDbClient client) {
    client.putItem(
        b ->
            b.tableName(table.name())
                .item(
                    Map.of(
                        "_table_item_id", AttributeValue.fromS("test#actors#p"),
                        "_table_content_id", AttributeValue.fromS("actor#py"),
                        "id", AttributeValue.fromS("py"),
                        "name", AttributeValue.fromS("Python"),
                        "review", AttributeValue.fromNul(true))));
    DynamoRepository<FilmActor> repo = actors(table, 4);
    FilterCommand missing = FilterCommand.builder().notExists("review").build();
    assertThat(
            ids(repo.list(List.of("p"), List.of(), QueryOptions.builder().filter(missing).build())))
        .containsExactly("000", "002", "py");
    FilterCommand present = FilterCommand.builder().exists("review").build();
    assertThat(
            ids(repo.list(List.of("p"), List.of(), QueryOptions.builder().filter(present).build())))
        .containsExactly("001", "003");
  }

  @Test
  void pagesCutByTheOneMegabyteCapStillHonourAnExactLimit(TestTable table) {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    String payload = "x".repeat(300_000);
    repo.putBatch(
        IntStream.range(0, 8)
            .mapToObj(
                i -> PartitionedContent.of(List.of(), List.of(pad(i)), new Blob(pad(i), payload)))
            .toList());

    List<BatchResponse<Blob>> pages =
        repo.list(List.of(), List.of(), QueryOptions.builder().limit(5).build()).toList();

    assertThat(pages).hasSizeGreaterThan(1); // DynamoDB stops each page near 1 MB
    assertThat(pages.stream().mapToInt(p -> p.contents().size()).sum()).isEqualTo(5);
    assertThat(pages.get(pages.size() - 1).nextToken()).isPresent();
  }

  @Test
  void pageSizeGivesOneResponsePerDynamoDbPage(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 23);
    List<BatchResponse<FilmActor>> pages =
        repo.list(List.of("p"), List.of(), QueryOptions.builder().pageSize(5).build()).toList();
    assertThat(pages).extracting(p -> p.contents().size()).containsExactly(5, 5, 5, 5, 3);
    assertThat(pages.get(4).nextToken()).isEmpty();
  }

  @Test
  void pagesAreFetchedOnlyWhenTheStreamAsks(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 50);
    var pages = repo.list(List.of("p"), List.of(), QueryOptions.builder().pageSize(10).build());
    // nothing is read until the stream is consumed; taking two pages reads two
    assertThat(pages.limit(2).mapToInt(p -> p.contents().size()).sum()).isEqualTo(20);
  }

  @Test
  void listBetweenIsInclusiveOnComposedIsoTimestamps(TestTable table) {
    DynamoRepository<ActorReview> repo = RepositoryFixture.sync(ActorReview.class, table).build();
    List<PartitionedContent<ActorReview>> reviews = new ArrayList<>();
    for (int day = 0; day < 60; day++) {
      Instant created = T0.plus(Duration.ofDays(day)).plusSeconds(3600);
      reviews.add(
          PartitionedContent.of(
              List.of("tom"),
              List.of(created.toString()),
              new ActorReview("r" + day, "tom", created, "ok")));
    }
    repo.putBatch(reviews);

    List<String> january =
        repo.listBetween(List.of("tom"), List.of("2023-01-01"), List.of("2023-01-31T23:59:59Z"))
            .flatMap(p -> p.items().stream())
            .map(ActorReview::id)
            .toList();
    assertThat(january).hasSize(31).startsWith("r0").endsWith("r30");

    List<String> lastThreeOfJanuary =
        repo.listBetween(
                List.of("tom"),
                List.of("2023-01-01"),
                List.of("2023-01-31T23:59:59Z"),
                QueryOptions.builder().ascending(false).limit(3).build())
            .flatMap(p -> p.items().stream())
            .map(ActorReview::id)
            .toList();
    assertThat(lastThreeOfJanuary).containsExactly("r30", "r29", "r28");

    String exact = T0.plus(Duration.ofDays(5)).plusSeconds(3600).toString();
    assertThat(
            repo.listBetween(List.of("tom"), List.of(exact), List.of("2023-01-07T01:00:00Z"))
                .flatMap(p -> p.items().stream()))
        .extracting(ActorReview::id)
        .containsExactly("r5", "r6");
  }

  @Test
  void listBetweenWithEqualBoundsKeepsLimitOrderAndFilter(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 137);
    QueryOptions options =
        QueryOptions.builder()
            .ascending(false)
            .limit(3)
            .filter(FilterCommand.builder().exists("review").build())
            .build();
    assertThat(ids(repo.listBetween(List.of("p"), List.of("1"), List.of("1"), options)))
        .containsExactly("135", "133", "131");
  }

  @Test
  void listBetweenWithStartAfterEndIsRejectedBeforeAnyRequest(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 3);
    assertThatThrownBy(() -> repo.listBetween(List.of("p"), List.of("2"), List.of("1")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("sorts after end");
    assertThatThrownBy(() -> repo.listBetween(List.of("p"), List.of("2"), null))
        .isInstanceOf(InvalidCommandException.class);
  }

  @Test
  void aLargePartitionListsCompletelyInBothOrders(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(
        IntStream.range(0, 2250)
            .mapToObj(
                i ->
                    PartitionedContent.of(
                        List.of("big"),
                        List.of(String.format("%05d", i)),
                        new FilmActor("" + i, "n", null)))
            .toList());
    assertThat(repo.listContents(List.of("big"), List.of()).count()).isEqualTo(2250);
    List<String> descending =
        repo.listContents(
                List.of("big"), List.of(), QueryOptions.builder().ascending(false).build())
            .map(c -> c.contentIds().get(0))
            .toList();
    assertThat(descending).hasSize(2250).first().isEqualTo("02249");
    assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void badQueryInputIsRejectedBeforeAnyRequest(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    assertThatThrownBy(() -> QueryOptions.builder().limit(0).build())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("limit 0");
    assertThatThrownBy(() -> QueryOptions.builder().pageSize(-1).build())
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(
            () ->
                repo.list(
                    List.of("p"),
                    List.of(),
                    QueryOptions.builder()
                        .filter(FilterCommand.builder().equalTo("nme", "x").build())
                        .build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("nme");
    assertThatThrownBy(
            () ->
                repo.list(
                    List.of("p"), List.of(), QueryOptions.builder().startToken("garbage!").build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken");
  }

  @Test
  void aTokenOfAnotherPartitionIsRejected(TestTable table) {
    DynamoRepository<FilmActor> repo = actors(table, 20);
    String token =
        repo.list(List.of("p"), List.of(), QueryOptions.builder().limit(5).build())
            .findFirst()
            .orElseThrow()
            .nextToken()
            .orElseThrow();
    assertThatThrownBy(
            () ->
                repo.list(
                    List.of("q"), List.of(), QueryOptions.builder().startToken(token).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("another partition");
  }
}
