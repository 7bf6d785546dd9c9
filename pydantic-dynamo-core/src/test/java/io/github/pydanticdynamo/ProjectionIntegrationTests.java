package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.Address;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.Models.Status;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Reads into a smaller record: only its attributes travel, checked against the entity. */
@DynamoDbTest
class ProjectionIntegrationTests {
  private static final List<String> P = List.of("p");

  record ProfileName(String id, @Nullable String name) {}

  /** A boxed number, a supertype of List and a nested record. */
  record ProfileStats(String id, Long views, @Nullable Collection<String> tags, Address address) {}

  record Misnamed(String id, String nmae) {}

  record Mistyped(String id, String views) {}

  /** The attribute names of every item the engine sent back. */
  static final class ReturnedAttributes implements ExecutionInterceptor {
    final List<Set<String>> items = new CopyOnWriteArrayList<>();

    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      SdkResponse response = context.response();
      if (response instanceof GetItemResponse get && get.hasItem()) {
        items.add(get.item().keySet());
      } else if (response instanceof QueryResponse query) {
        query.items().forEach(item -> items.add(item.keySet()));
      } else if (response instanceof ScanResponse scan) {
        scan.items().forEach(item -> items.add(item.keySet()));
      } else if (response instanceof BatchGetItemResponse batch) {
        batch.responses().values().forEach(list -> list.forEach(item -> items.add(item.keySet())));
      }
      return response;
    }
  }

  private static List<PartitionedContent<Profile>> profiles(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    P,
                    List.of(String.format("%03d", i)),
                    new Profile(
                        "id" + i,
                        "name " + i,
                        new Address("City " + i, null),
                        Map.of("imdb", i),
                        List.of("t" + i),
                        i,
                        null,
                        null,
                        Set.of("g"),
                        i % 2 == 0 ? Status.ACTIVE : Status.RETIRED,
                        null)))
        .toList();
  }

  private static ProfileName name(Profile p) {
    return new ProfileName(p.id(), p.name());
  }

  @Test
  void everyReadReturnsTheProjectionAndOnlyItsAttributesTravel(TestTable table) {
    ReturnedAttributes returned = new ReturnedAttributes();
    try (DynamoDbClient client =
        LocalDynamoDb.shared()
            .newClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(returned).build())) {
      DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table, client).build();
      List<PartitionedContent<Profile>> written = profiles(30);
      repo.putBatch(written);
      repo.update(P, List.of("003"), UpdateCommand.builder().set("name", "renamed").build());
      List<ProfileName> expected =
          written.stream()
              .map(
                  c ->
                      c.contentIds().get(0).equals("003")
                          ? new ProfileName("id3", "renamed")
                          : name(c.item()))
              .toList();
      returned.items.clear();

      ProjectionView<ProfileName> names = repo.projection(ProfileName.class);
      PartitionedContent<ProfileName> three = names.get(P, List.of("003")).content().orElseThrow();
      List<ProfileName> listed =
          names.listContents(P, List.of()).map(PartitionedContent::item).toList();
      List<ProfileName> batch =
          names
              .getBatch(written.stream().map(PartitionedContent::key).toList())
              .flatMap(page -> page.items().stream())
              .toList();
      List<ProfileName> between =
          names
              .listBetween(P, List.of("010"), List.of("012"), QueryOptions.defaults())
              .flatMap(page -> page.items().stream())
              .toList();
      List<ProfileName> scanned =
          names
              .scan(ScanOptions.builder().parallel(3).build())
              .flatMap(page -> page.items().stream())
              .toList();

      assertThat(three.item()).isEqualTo(new ProfileName("id3", "renamed"));
      assertThat(three.currentVersion()).isEqualTo(2);
      assertThat(three.key()).isEqualTo(ContentKey.of(P, List.of("003")));
      assertThat(listed).containsExactlyElementsOf(expected);
      assertThat(batch).containsExactlyElementsOf(expected);
      assertThat(between).containsExactlyElementsOf(expected.subList(10, 13));
      assertThat(scanned).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(returned.items)
          .hasSize(1 + 30 + 30 + 3 + 30)
          .allSatisfy(
              attributes ->
                  assertThat(attributes)
                      .containsAnyOf("id", "name")
                      .doesNotContain(
                          "address", "scores", "tags", "genres", "views", "_timestamp"));
    }
  }

  @Test
  void filtersNameTheEntitysAttributesAndTypesMayBeBoxedOrWider(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    List<PartitionedContent<Profile>> written = profiles(10);
    repo.putBatch(written);

    List<ProfileStats> stats =
        repo.projection(ProfileStats.class)
            .listContents(P, List.of())
            .map(PartitionedContent::item)
            .toList();
    List<ProfileName> filtered =
        repo.projection(ProfileName.class)
            .list(
                P,
                List.of(),
                QueryOptions.builder()
                    .filter(FilterCommand.builder().equalTo("status", Status.RETIRED).build())
                    .limit(3)
                    .build())
            .flatMap(page -> page.items().stream())
            .toList();

    assertThat(stats.get(4))
        .isEqualTo(new ProfileStats("id4", 4L, List.of("t4"), new Address("City 4", null)));
    assertThat(filtered).extracting(ProfileName::id).containsExactly("id1", "id3", "id5");
  }

  @Test
  void aProjectionWithAMissingOrMistypedComponentIsRejectedWhenItIsMade(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    AsyncDynamoRepository<Profile> async = RepositoryFixture.async(Profile.class, table).build();

    assertThatThrownBy(() -> repo.projection(Misnamed.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("'nmae', which is not a property of Profile");
    assertThatThrownBy(() -> async.projection(Mistyped.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("reads 'views' as java.lang.String")
        .hasMessageContaining("stores it as long");
  }

  @Test
  void indexQueriesReadProjectionsAndTheirTokensResume() {
    TestTable indexed = IndexIntegrationTests.tableFor(IndexIntegrationTests.Review.class);
    try {
      DynamoRepository<IndexIntegrationTests.Review> reviews =
          RepositoryFixture.sync(IndexIntegrationTests.Review.class, indexed).build();
      reviews.putBatch(
          IntStream.range(0, 12)
              .mapToObj(
                  i ->
                      PartitionedContent.of(
                          List.of("a" + i % 2),
                          List.of("r" + i),
                          new IndexIntegrationTests.Review(
                              "r" + i,
                              "a" + i % 2,
                              "alice",
                              String.format("2024-05-%02d", i),
                              i,
                              "t")))
              .toList());
      record ReviewId(String id, int rating) {}
      IndexView<ReviewId> byReviewer = reviews.projection(ReviewId.class).index("by-reviewer");

      List<BatchResponse<ReviewId>> first =
          byReviewer
              .list(List.of("alice"), List.of(), QueryOptions.builder().limit(5).build())
              .toList();
      String token = first.get(first.size() - 1).nextToken().orElseThrow();
      List<ReviewId> rest =
          byReviewer
              .listContents(
                  List.of("alice"), List.of(), QueryOptions.builder().startToken(token).build())
              .map(PartitionedContent::item)
              .toList();

      assertThat(first.stream().flatMap(p -> p.items().stream()).map(ReviewId::id))
          .containsExactly("r0", "r1", "r2", "r3", "r4");
      assertThat(rest)
          .extracting(ReviewId::id)
          .containsExactly("r5", "r6", "r7", "r8", "r9", "r10", "r11");
    } finally {
      indexed.delete();
    }
  }

  @Test
  void theAsyncProjectionReadsTheSame(TestTable table) {
    AsyncDynamoRepository<Profile> repo = RepositoryFixture.async(Profile.class, table).build();
    List<PartitionedContent<Profile>> written = profiles(8);
    repo.putBatch(written).join();
    List<ProfileName> expected = written.stream().map(c -> name(c.item())).toList();
    AsyncProjectionView<ProfileName> names = repo.projection(ProfileName.class);

    assertThat(names.get(P, List.of("002")).join().content().orElseThrow().item())
        .isEqualTo(expected.get(2));
    assertThat(
            PublisherCollector.collect(names.list(P, List.of(), QueryOptions.defaults()))
                .join()
                .stream()
                .flatMap(page -> page.items().stream()))
        .containsExactlyElementsOf(expected);
    assertThat(
            PublisherCollector.collect(
                    names.getBatch(written.stream().map(PartitionedContent::key).toList()))
                .join()
                .stream()
                .flatMap(page -> page.items().stream()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            PublisherCollector.collect(names.scan(ScanOptions.builder().parallel(2).build()))
                .join()
                .stream()
                .flatMap(page -> page.items().stream()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            PublisherCollector.collect(
                    names.listBetween(P, List.of("001"), List.of("002"), QueryOptions.defaults()))
                .join()
                .stream()
                .flatMap(page -> page.items().stream()))
        .containsExactlyElementsOf(expected.subList(1, 3));
  }
}
