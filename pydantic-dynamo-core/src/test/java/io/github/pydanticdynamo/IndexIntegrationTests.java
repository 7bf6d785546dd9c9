package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Secondary indexes: keys written with items and kept right by updates, queried like the table. */
class IndexIntegrationTests {

  @DynamoEntity(contentType = "review", partitionName = "reviews")
  @DynamoIndex(name = "by-reviewer", partitionIds = "reviewer", contentIds = "created")
  @DynamoIndex(
      name = "by-rating",
      local = true,
      contentIds = {"rating", "created"})
  record Review(
      String id,
      String actorId,
      @Nullable String reviewer,
      String created,
      int rating,
      @Nullable String text) {

    Review withReviewer(@Nullable String value) {
      return new Review(id, actorId, value, created, rating, text);
    }
  }

  /** Another type in the same global index, its keys made of other properties. */
  @DynamoEntity(contentType = "comment", partitionName = "comments")
  @DynamoIndex(name = "by-reviewer", partitionIds = "author", contentIds = "at")
  record Comment(String id, String author, String at) {}

  private static final String REVIEWER_PK = "_by-reviewer_item_id";
  private static final String REVIEWER_SK = "_by-reviewer_content_id";
  private static final String RATING_SK = "_by-rating_content_id";

  private TestTable table;
  private DynamoRepository<Review> reviews;

  static TestTable tableFor(Class<?>... types) {
    TableLayout layout = TableLayout.defaults();
    for (Class<?> type : types) {
      layout = layout.withIndexes(SecondaryIndex.declaredOn(type));
    }
    return LocalDynamoDb.shared()
        .createTable(
            layout.createTableRequest("indexes-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  @BeforeEach
  void createTable() {
    table = tableFor(Review.class, Comment.class);
    reviews = RepositoryFixture.sync(Review.class, table).build();
  }

  @AfterEach
  void deleteTable() {
    table.delete();
  }

  private static PartitionedContent<Review> review(
      String actor, String id, @Nullable String reviewer, String created, int rating) {
    return PartitionedContent.of(
        List.of(actor),
        List.of(id),
        new Review(id, actor, reviewer, created, rating, "text of " + id));
  }

  private Map<String, AttributeValue> raw(String actor, String id) {
    return table
        .client()
        .getItem(
            b ->
                b.tableName(table.name())
                    .key(
                        Map.of(
                            table.partitionKey(),
                            AttributeValue.fromS("test#reviews#" + actor),
                            table.sortKey(),
                            AttributeValue.fromS("review#" + id))))
        .item();
  }

  private List<String> ids(IndexView<Review> index, List<String> partition) {
    return index.listContents(partition, List.of()).map(c -> c.item().id()).toList();
  }

  @Test
  void putAndPutBatchWriteTheIndexKeysTheWayTableKeysAreComposed() {
    reviews.put(review("tom", "r1", "alice", "2024-05-02", 5));
    reviews.putBatch(
        List.of(
            review("tom", "r2", "alice", "2024-05-01", 3),
            review("meg", "r3", "alice", "2024-05-03", 4),
            review("meg", "r4", "a#b%c", "2024-05-04", 4)));

    Map<String, AttributeValue> r1 = raw("tom", "r1");
    assertThat(r1.get(REVIEWER_PK).s()).isEqualTo("test#by-reviewer#alice");
    assertThat(r1.get(REVIEWER_SK).s()).isEqualTo("review#2024-05-02");
    assertThat(r1.get(RATING_SK).s()).isEqualTo("review#5#2024-05-02");
    assertThat(raw("meg", "r4").get(REVIEWER_PK).s()).isEqualTo("test#by-reviewer#a%23b%25c");

    IndexView<Review> byReviewer = reviews.index("by-reviewer");
    assertThat(ids(byReviewer, List.of("alice"))).containsExactly("r2", "r1", "r3");
    assertThat(ids(byReviewer, List.of("a#b%c"))).containsExactly("r4");
    assertThat(
            byReviewer
                .listContents(List.of("alice"), List.of("2024-05-0"))
                .map(c -> c.key())
                .toList())
        .containsExactly(
            ContentKey.of(List.of("tom"), List.of("r2")),
            ContentKey.of(List.of("tom"), List.of("r1")),
            ContentKey.of(List.of("meg"), List.of("r3")));
    assertThat(ids(reviews.index("by-rating"), List.of("tom"))).containsExactly("r2", "r1");
  }

  @Test
  void typesSharingAGlobalIndexStayApartByContentType() {
    DynamoRepository<Comment> comments = RepositoryFixture.sync(Comment.class, table).build();
    reviews.put(review("tom", "r1", "alice", "2024-05-02", 5));
    comments.put(
        PartitionedContent.of(
            List.of("tom"), List.of("c1"), new Comment("c1", "alice", "2024-05-01")));

    assertThat(ids(reviews.index("by-reviewer"), List.of("alice"))).containsExactly("r1");
    assertThat(
            comments
                .index("by-reviewer")
                .listContents(List.of("alice"), List.of())
                .map(c -> c.item().id())
                .toList())
        .containsExactly("c1");
  }

  @Test
  void anItemWithoutASourceValueIsNotInTheIndex() {
    reviews.put(review("tom", "r1", null, "2024-05-02", 5));

    assertThat(raw("tom", "r1")).doesNotContainKey(REVIEWER_PK).containsKey(REVIEWER_SK);
    assertThat(table.client().scan(b -> b.tableName(table.name()).indexName("by-reviewer")).items())
        .isEmpty();
  }

  @Test
  void anUpdateThatChangesASourceMovesTheItemInTheIndexAndOneThatTouchesNoneLeavesIt() {
    reviews.put(review("tom", "r1", "alice", "2024-05-02", 5));
    Map<String, AttributeValue> before = raw("tom", "r1");
    IndexView<Review> byReviewer = reviews.index("by-reviewer");

    reviews.update(List.of("tom"), List.of("r1"), UpdateCommand.builder().set("text", "x").build());
    assertThat(raw("tom", "r1"))
        .containsEntry(REVIEWER_PK, before.get(REVIEWER_PK))
        .containsEntry(REVIEWER_SK, before.get(REVIEWER_SK))
        .containsEntry(RATING_SK, before.get(RATING_SK));

    reviews.update(
        List.of("tom"), List.of("r1"), UpdateCommand.builder().set("reviewer", "bob").build());
    assertThat(ids(byReviewer, List.of("alice"))).isEmpty();
    assertThat(ids(byReviewer, List.of("bob"))).containsExactly("r1");

    reviews.update(
        List.of("tom"),
        List.of("r1"),
        UpdateCommand.builder().set("rating", 1).set("created", "2024-06-01").build());
    assertThat(raw("tom", "r1").get(RATING_SK).s()).isEqualTo("review#1#2024-06-01");
    assertThat(raw("tom", "r1").get(REVIEWER_SK).s()).isEqualTo("review#2024-06-01");

    reviews.update(
        List.of("tom"), List.of("r1"), UpdateCommand.builder().remove("reviewer").build());
    assertThat(raw("tom", "r1")).doesNotContainKey(REVIEWER_PK);
    assertThat(ids(byReviewer, List.of("bob"))).isEmpty();

    reviews.update(
        List.of("tom"), List.of("r1"), UpdateCommand.builder().set("reviewer", "carol").build());
    assertThat(ids(byReviewer, List.of("carol"))).containsExactly("r1");
  }

  @Test
  void anUpdateThatCannotComposeTheNewKeyIsRefusedBeforeAnyRequest() {
    reviews.put(review("tom", "r1", "alice", "2024-05-02", 5));
    Map<String, AttributeValue> before = raw("tom", "r1");

    assertThatThrownBy(
            () ->
                reviews.update(
                    List.of("tom"),
                    List.of("r1"),
                    UpdateCommand.builder().set("rating", 2).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("by-rating")
        .hasMessageContaining("[created]");
    assertThatThrownBy(
            () ->
                reviews.update(
                    List.of("tom"),
                    List.of("r1"),
                    UpdateCommand.builder().increment("rating", 1).set("created", "x").build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("increments 'rating'");
    assertThat(raw("tom", "r1")).isEqualTo(before);
  }

  @Test
  void indexQueriesHaveExactLimitsFiltersOrderAndRangesWithTokensOfTheirOwn() {
    reviews.putBatch(
        IntStream.range(0, 30)
            .mapToObj(
                i -> review("a" + i % 3, "r" + i, "alice", String.format("2024-05-%02d", i), i % 5))
            .toList());
    IndexView<Review> byReviewer = reviews.index("by-reviewer");
    QueryOptions newest = QueryOptions.builder().ascending(false).limit(4).pageSize(3).build();

    List<BatchResponse<Review>> first =
        byReviewer.list(List.of("alice"), List.of(), newest).toList();
    String token = first.get(first.size() - 1).nextToken().orElseThrow();
    List<String> next =
        byReviewer
            .listContents(List.of("alice"), List.of(), newest.toBuilder().startToken(token).build())
            .map(c -> c.item().id())
            .toList();

    assertThat(first.stream().flatMap(p -> p.items().stream()).map(Review::id))
        .containsExactly("r29", "r28", "r27", "r26");
    assertThat(next).containsExactly("r25", "r24", "r23", "r22");
    assertThat(
            byReviewer
                .listContents(
                    List.of("alice"),
                    List.of(),
                    QueryOptions.builder()
                        .filter(FilterCommand.builder().equalTo("rating", 4).build())
                        .limit(3)
                        .build())
                .map(c -> c.item().id()))
        .containsExactly("r4", "r9", "r14");
    assertThat(
            byReviewer
                .listBetween(List.of("alice"), List.of("2024-05-10"), List.of("2024-05-12"))
                .flatMap(p -> p.items().stream())
                .map(Review::id))
        .containsExactly("r10", "r11", "r12");
    assertThat(
            reviews
                .index("by-rating")
                .listBetween(
                    List.of("a0"),
                    List.of("3"),
                    List.of("4", "~"), // "4" alone would end before "4#2024-…"
                    QueryOptions.builder().consistentRead(true).build())
                .flatMap(p -> p.items().stream())
                .map(Review::id))
        .containsExactly("r3", "r18", "r9", "r24");

    String tableToken =
        reviews
            .list(List.of("a0"), List.of(), QueryOptions.builder().limit(1).build())
            .toList()
            .get(0)
            .nextToken()
            .orElseThrow();
    assertThatThrownBy(
            () ->
                reviews
                    .index("by-rating")
                    .list(
                        List.of("a0"), List.of(), QueryOptions.builder().startToken(token).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("not issued by this query of index by-rating");
    assertThatThrownBy(
            () ->
                reviews.list(
                    List.of("a0"), List.of(), QueryOptions.builder().startToken(token).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken");
    assertThatThrownBy(
            () ->
                byReviewer.list(
                    List.of("alice"),
                    List.of(),
                    QueryOptions.builder().startToken(tableToken).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
    assertThatThrownBy(
            () ->
                byReviewer.list(
                    List.of("bob"), List.of(), QueryOptions.builder().startToken(token).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("another partition");
  }

  @Test
  void badIndexQueriesAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> reviews.index("by-revewer"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("by-revewer")
        .hasMessageContaining("by-reviewer, by-rating");
    assertThatThrownBy(
            () ->
                reviews
                    .index("by-reviewer")
                    .list(
                        List.of("alice"),
                        List.of(),
                        QueryOptions.builder().consistentRead(true).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("global");
    assertThatThrownBy(() -> reviews.index("by-reviewer").list(List.of("alice", "bob"), List.of()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("1 partition id(s) [reviewer], not 2");
    assertThatThrownBy(
            () -> reviews.index("by-reviewer").list(List.of("alice"), List.of("2024", "x")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void aConsistentRepositoryReadsGlobalIndexesEventuallyAndLocalOnesConsistently() {
    reviews.put(review("tom", "r1", "alice", "2024-05-02", 5));
    List<Boolean> consistency = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (var client =
        LocalDynamoDb.shared()
            .newClient(
                software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(
                        new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                          @Override
                          public void beforeExecution(
                              software.amazon.awssdk.core.interceptor.Context.BeforeExecution c,
                              software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                            if (c.request()
                                instanceof
                                software.amazon.awssdk.services.dynamodb.model.QueryRequest q) {
                              consistency.add(q.consistentRead());
                            }
                          }
                        })
                    .build())) {
      DynamoRepository<Review> consistent =
          RepositoryFixture.sync(Review.class, table, client).build();
      assertThat(consistent.settings().consistentReads()).isTrue();
      assertThat(ids(consistent.index("by-reviewer"), List.of("alice"))).containsExactly("r1");
      assertThat(ids(consistent.index("by-rating"), List.of("tom"))).containsExactly("r1");
      assertThat(consistency).containsExactly(false, true);
    }
  }

  @Test
  void theAsyncRepositoryWritesAndQueriesTheSameIndexes() {
    AsyncDynamoRepository<Review> async = RepositoryFixture.async(Review.class, table).build();
    async
        .putBatch(
            List.of(
                review("tom", "r1", "alice", "2024-05-02", 5),
                review("tom", "r2", "alice", "2024-05-01", 3)))
        .join();
    async
        .update(
            List.of("tom"), List.of("r2"), UpdateCommand.builder().set("reviewer", "bob").build())
        .join();

    AsyncIndexView<Review> byReviewer = async.index("by-reviewer");
    assertThat(
            PublisherCollector.collect(byReviewer.list(List.of("alice"), List.of())).join().stream()
                .flatMap(p -> p.items().stream())
                .map(Review::id))
        .containsExactly("r1");
    assertThat(
            byReviewer
                .collectList(List.of("bob"), List.of(), QueryOptions.builder().limit(5).build())
                .join())
        .extracting(c -> c.item().id())
        .containsExactly("r2");
    assertThat(
            PublisherCollector.collect(
                    async
                        .index("by-rating")
                        .listBetween(
                            List.of("tom"),
                            List.of("3"),
                            List.of("5", "~"),
                            QueryOptions.defaults()))
                .join()
                .stream()
                .flatMap(p -> p.items().stream())
                .map(Review::id))
        .containsExactly("r2", "r1");
    assertThatThrownBy(() -> async.index("nope")).isInstanceOf(InvalidCommandException.class);
  }
}
