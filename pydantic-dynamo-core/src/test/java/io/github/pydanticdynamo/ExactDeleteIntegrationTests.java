package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** deleteItem removes exactly one item (optionally version-checked); deleteBatch exact keys. */
@DynamoDbTest
class ExactDeleteIntegrationTests {

  private static PartitionedContent<FilmActor> actor(String partition, String... contentIds) {
    String id = String.join("-", contentIds);
    return PartitionedContent.of(
        List.of(partition), List.of(contentIds), new FilmActor(id, "Actor " + id, null));
  }

  /** "tom", its child ["tom", "x"] and "tommy": all three share the sort-key prefix of "tom". */
  private static List<PartitionedContent<FilmActor>> family(String partition) {
    return List.of(
        actor(partition, "tom"), actor(partition, "tom", "x"), actor(partition, "tommy"));
  }

  private static List<List<String>> contentIdsIn(DynamoRepository<FilmActor> repo, String p) {
    return repo.listContents(List.of(p), List.of()).map(PartitionedContent::contentIds).toList();
  }

  @Test
  void deleteItemRemovesExactlyOneItemWhereThePrefixDeleteRemovesItsFamily(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(family("exact"));
    repo.putBatch(family("prefix"));

    Optional<PartitionedContent<FilmActor>> deleted =
        repo.deleteItem(List.of("exact"), List.of("tom"));
    long prefixDeleted = repo.delete(List.of("prefix"), List.of("tom"));

    assertThat(deleted).contains(family("exact").get(0));
    assertThat(contentIdsIn(repo, "exact")).containsExactly(List.of("tom", "x"), List.of("tommy"));
    assertThat(prefixDeleted).isEqualTo(3);
    assertThat(contentIdsIn(repo, "prefix")).isEmpty();
  }

  @Test
  void deleteItemOfAMissingItemReturnsEmptyAndWritesNothing(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.put(actor("p", "tom"));

    assertThat(repo.deleteItem(List.of("p"), List.of("nobody"))).isEmpty();
    assertThat(repo.deleteItem(List.of("other"), List.of("tom"))).isEmpty();
    assertThat(table.count()).isEqualTo(1);
  }

  @Test
  void versionCheckedDeleteTellsAStaleVersionFromAMissingItem(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.put(actor("p", "tom"));
    repo.update(List.of("p"), List.of("tom"), UpdateCommand.builder().set("review", "x").build());

    assertThatThrownBy(() -> repo.deleteItem(List.of("p"), List.of("tom"), 1))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.storedVersion()).hasValue(2);
              assertThat(e.key()).isEqualTo(ContentKey.of(List.of("p"), List.of("tom")));
              assertThat(e).hasMessageContaining("version 2, not the expected 1");
            });
    assertThat(table.count()).isEqualTo(1);
    assertThatThrownBy(() -> repo.deleteItem(List.of("p"), List.of("nobody"), 1))
        .isInstanceOfSatisfying(
            ItemNotFoundException.class,
            e -> assertThat(e.key()).isEqualTo(ContentKey.of(List.of("p"), List.of("nobody"))))
        .isNotInstanceOf(VersionConflictException.class);

    PartitionedContent<FilmActor> deleted = repo.deleteItem(List.of("p"), List.of("tom"), 2);

    assertThat(deleted.currentVersion()).isEqualTo(2);
    assertThat(deleted.item().review()).isEqualTo("x");
    assertThat(table.count()).isZero();
  }

  @Test
  void anItemWrittenWithoutAVersionDeletesAtVersionOne(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    Map<String, AttributeValue> raw = new java.util.HashMap<>();
    raw.put(table.partitionKey(), AttributeValue.fromS("test#actors#p"));
    raw.put(table.sortKey(), AttributeValue.fromS("actor#legacy"));
    raw.put("id", AttributeValue.fromS("legacy"));
    raw.put("name", AttributeValue.fromS("Legacy"));
    table.client().putItem(b -> b.tableName(table.name()).item(raw));

    assertThat(repo.deleteItem(List.of("p"), List.of("legacy"), 1).item().name())
        .isEqualTo("Legacy");
    assertThat(table.count()).isZero();
  }

  @Test
  void asyncDeleteItemHasTheSameOutcomes(TestTable table) {
    AsyncDynamoRepository<FilmActor> repo = RepositoryFixture.async(FilmActor.class, table).build();
    repo.putBatch(family("p")).join();

    assertThat(repo.deleteItem(List.of("p"), List.of("tommy")).join()).contains(family("p").get(2));
    assertThat(repo.deleteItem(List.of("p"), List.of("tommy")).join()).isEmpty();
    assertThatThrownBy(() -> repo.deleteItem(List.of("p"), List.of("tom"), 5).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.storedVersion()).hasValue(1));
    assertThatThrownBy(() -> repo.deleteItem(List.of("p"), List.of("tommy"), 1).join())
        .cause()
        .isInstanceOf(ItemNotFoundException.class);
    assertThat(repo.deleteItem(List.of("p"), List.of("tom"), 1).join().contentIds())
        .containsExactly("tom");
    assertThat(table.count()).isEqualTo(1);
  }

  @Test
  void deleteBatchDeletesExactlyTheGivenKeysOnceEach(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> actors = RepositoryFixture.actors(60);
    repo.putBatch(actors);
    List<ContentKey> keys = new ArrayList<>();
    for (int i = 0; i < 60; i += 2) {
      keys.add(actors.get(i).key());
    }
    keys.add(actors.get(0).key()); // twice
    keys.add(ContentKey.of(List.of("p"), List.of("never-written")));

    repo.deleteBatch(keys);

    assertThat(repo.listContents(List.of("p"), List.of()).toList())
        .containsExactlyElementsOf(
            actors.stream().filter(a -> Integer.parseInt(a.contentIds().get(0)) % 2 == 1).toList());
  }

  @Test
  void deleteBatchRetriesHeldBackDeletesSyncAndAsync(TestTable table) {
    UnprocessedWorkInterceptor holdBack = UnprocessedWorkInterceptor.fraction(table, 0.3);
    ClientOverrideConfiguration config =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(config);
        DynamoDbAsyncClient asyncClient = LocalDynamoDb.shared().newAsyncClient(config)) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build();
      AsyncDynamoRepository<FilmActor> async =
          RepositoryFixture.async(FilmActor.class, table, asyncClient)
              .batchSettings(RepositoryFixture.FAST_RETRIES.withMaxAttempts(20))
              .build();
      List<PartitionedContent<FilmActor>> actors = RepositoryFixture.actors(400);
      repo.putBatch(actors);
      long heldOnPut = holdBack.heldBack();
      List<ContentKey> keys = actors.stream().map(PartitionedContent::key).toList();

      repo.deleteBatch(keys.subList(0, 200));
      long heldOnSyncDelete = holdBack.heldBack() - heldOnPut;
      async.deleteBatch(keys.subList(200, 400)).join();

      assertThat(heldOnSyncDelete).isGreaterThan(20);
      assertThat(holdBack.heldBack() - heldOnPut - heldOnSyncDelete).isGreaterThan(20);
      assertThat(table.count()).isZero();
    }
  }

  @Test
  void aPermanentHoldBackListsExactlyTheUndeletedKeys(TestTable table) {
    UnprocessedWorkInterceptor holdBack =
        UnprocessedWorkInterceptor.always(
            table, item -> item.get(table.sortKey()).s().endsWith("7"));
    ClientOverrideConfiguration config =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(holdBack).build();
    DynamoRepository<FilmActor> writer = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> actors = RepositoryFixture.actors(60);
    List<ContentKey> keys = actors.stream().map(PartitionedContent::key).toList();
    List<ContentKey> expectedLeft =
        keys.stream().filter(k -> k.contentIds().get(0).endsWith("7")).toList();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(config);
        DynamoDbAsyncClient asyncClient = LocalDynamoDb.shared().newAsyncClient(config)) {
      writer.putBatch(actors);
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();

      assertThatThrownBy(() -> repo.deleteBatch(keys))
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> {
                assertThat(e.undeletedKeys()).containsExactlyInAnyOrderElementsOf(expectedLeft);
                assertThat(e).hasMessageContaining("6 of 60 items were not deleted");
              });
      assertThat(table.count()).isEqualTo(6);

      writer.putBatch(actors);
      AsyncDynamoRepository<FilmActor> async =
          RepositoryFixture.async(FilmActor.class, table, asyncClient).build();
      assertThatThrownBy(() -> async.deleteBatch(keys).join())
          .cause()
          .isInstanceOfSatisfying(
              UnprocessedItemsException.class,
              e -> assertThat(e.undeletedKeys()).containsExactlyInAnyOrderElementsOf(expectedLeft));
      assertThat(table.count()).isEqualTo(6);
    }
  }
}
