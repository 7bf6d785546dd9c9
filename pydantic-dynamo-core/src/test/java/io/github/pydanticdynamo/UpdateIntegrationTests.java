package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.Address;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.Models.Status;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbTest
class UpdateIntegrationTests {
  private static final List<String> P = List.of("u1");
  private static final List<String> C = List.of("profile");

  private DynamoRepository<Profile> repo;
  private TestTable table;

  @BeforeEach
  void setUp(TestTable table) {
    this.table = table;
    this.repo = RepositoryFixture.sync(Profile.class, table).build();
    repo.put(PartitionedContent.of(P, C, Profile.of("u1")));
  }

  private PartitionedContent<Profile> update(UpdateCommand.Builder command) {
    return repo.update(P, C, command.build());
  }

  private Map<String, AttributeValue> raw() {
    return table.scanAll().stream()
        .filter(i -> i.get("_table_content_id").s().equals("Profile#profile"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void setReplacesATopLevelAttributeAndReturnsTheNewState() {
    PartitionedContent<Profile> updated = update(UpdateCommand.builder().set("name", "Tom"));
    assertThat(updated.item().name()).isEqualTo("Tom");
    assertThat(updated.currentVersion()).isEqualTo(2);
    assertThat(repo.getItem(P, C).orElseThrow().name()).isEqualTo("Tom");
    assertThat(Instant.parse(raw().get("_timestamp").s())).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void setNullRemovesTheAttribute() {
    PartitionedContent<Profile> updated = update(UpdateCommand.builder().set("name", null));
    assertThat(updated.item().name()).isNull();
    assertThat(raw()).doesNotContainKey("name");
  }

  @Test
  void setANestedPathOfANestedRecord() {
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().set("address.city", "Saratoga"));
    assertThat(updated.item().address()).isEqualTo(new Address("Saratoga", "12345"));
  }

  @Test
  void setAWholeNestedRecordAndConvertValuesThroughTheModel() {
    PartitionedContent<Profile> updated =
        update(
            UpdateCommand.builder()
                .set("address", Map.of("city", "Paris"))
                .set("status", "RETIRED")
                .set("rating", 4L)
                .set("genres", List.of("noir", "noir", "drama")));
    assertThat(updated.item().address()).isEqualTo(new Address("Paris", null));
    assertThat(updated.item().status()).isEqualTo(Status.RETIRED);
    assertThat(updated.item().rating()).isEqualTo(4);
    assertThat(updated.item().genres()).containsExactlyInAnyOrder("noir", "drama");
    assertThat(raw().get("genres").ss()).containsExactlyInAnyOrder("noir", "drama");
  }

  @Test
  void mergeKeepsTheOtherKeysOfAMap() {
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().merge("scores", Map.of("rt", 90)));
    assertThat(updated.item().scores()).isEqualTo(Map.of("imdb", 7, "rt", 90));
  }

  @Test
  void mergeCreatesAMissingMap() {
    repo.put(PartitionedContent.of(P, C, Profile.of("u1").withoutScores()));
    assertThat(raw()).doesNotContainKey("scores");
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().merge("scores", Map.of("rt", 90)).increment("views", 1));
    assertThat(updated.item().scores()).isEqualTo(Map.of("rt", 90));
    assertThat(updated.item().views()).isEqualTo(1);
  }

  @Test
  void mergeIntoANullMapWrittenByThePythonLibrary(DynamoDbClient client) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(raw());
    item.put("scores", AttributeValue.fromNul(true));
    client.putItem(b -> b.tableName(table.name()).item(item));
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().merge("scores", Map.of("a", 1)));
    assertThat(updated.item().scores()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void mergeIntoANestedRecordSetsOnlyTheGivenProperties() {
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().merge("address", Map.of("zip", "99999")));
    assertThat(updated.item().address()).isEqualTo(new Address("Springfield", "99999"));
  }

  @Test
  void incrementAddsAndStartsAMissingAttributeFromZero() {
    assertThat(update(UpdateCommand.builder().increment("views", 5)).item().views()).isEqualTo(5);
    assertThat(update(UpdateCommand.builder().increment("views", -2)).item().views()).isEqualTo(3);
    assertThat(update(UpdateCommand.builder().increment("rating", 2)).item().rating()).isEqualTo(2);
  }

  @Test
  void incrementOfANullAttributeCountsItAsZero(DynamoDbClient client) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(raw());
    item.put("rating", AttributeValue.fromNul(true));
    item.put("tags", AttributeValue.fromNul(true));
    client.putItem(b -> b.tableName(table.name()).item(item));
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().increment("rating", 3).append("tags", List.of("x")));
    assertThat(updated.item().rating()).isEqualTo(3);
    assertThat(updated.item().tags()).containsExactly("x");
  }

  @Test
  void appendAddsToAListAndCreatesAMissingOne() {
    assertThat(
            update(UpdateCommand.builder().append("tags", List.of("comedy", "war"))).item().tags())
        .containsExactly("drama", "comedy", "war");
    update(UpdateCommand.builder().remove("tags"));
    assertThat(update(UpdateCommand.builder().append("tags", List.of("new"))).item().tags())
        .containsExactly("new");
  }

  @Test
  void removeDeletesAnAttribute() {
    PartitionedContent<Profile> updated =
        update(UpdateCommand.builder().remove("balance").remove("address.zip"));
    assertThat(updated.item().balance()).isNull();
    assertThat(updated.item().address()).isEqualTo(new Address("Springfield", null));
  }

  @Test
  void expiryIsSetAndCleared() {
    Instant expiry = Instant.parse("2031-05-05T10:00:00.900Z");
    PartitionedContent<Profile> set =
        update(UpdateCommand.builder().expiry(expiry).set("name", "x"));
    assertThat(set.expiry()).isEqualTo(Instant.parse("2031-05-05T10:00:00Z"));
    assertThat(raw().get("_ttl").n()).isEqualTo(Long.toString(expiry.getEpochSecond()));
    PartitionedContent<Profile> cleared = update(UpdateCommand.builder().clearExpiry());
    assertThat(cleared.expiry()).isNull();
    assertThat(raw()).doesNotContainKey("_ttl");
  }

  @Test
  void allClausesCombineInOneUpdate() {
    PartitionedContent<Profile> updated =
        update(
            UpdateCommand.builder()
                .set("name", "N")
                .set("address.city", "C")
                .merge("scores", Map.of("rt", 1))
                .increment("views", 2)
                .append("tags", List.of("t"))
                .remove("nickname")
                .expiry(Instant.parse("2030-01-01T00:00:00Z"))
                .currentVersion(1L));
    Profile p = updated.item();
    assertThat(p.name()).isEqualTo("N");
    assertThat(p.address().city()).isEqualTo("C");
    assertThat(p.scores()).containsEntry("rt", 1).containsEntry("imdb", 7);
    assertThat(p.views()).isEqualTo(2);
    assertThat(p.tags()).containsExactly("drama", "t");
    assertThat(updated.expiry()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(updated.currentVersion()).isEqualTo(2);
  }

  @Test
  void versionCheckPassesOnTheCurrentVersionAndConflictsOtherwise() {
    update(UpdateCommand.builder().set("name", "a").currentVersion(1L));
    assertThat(update(UpdateCommand.builder().set("name", "b").currentVersion(2L)).currentVersion())
        .isEqualTo(3);
    assertThatThrownBy(() -> update(UpdateCommand.builder().set("name", "c").currentVersion(2L)))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(2);
              assertThat(e.storedVersion()).isEqualTo(OptionalLong.of(3));
              assertThat(e.key()).isEqualTo(ContentKey.of(P, C));
              assertThat(e).hasMessageContaining("version 3").hasMessageContaining("expected 2");
            });
    assertThat(repo.getItem(P, C).orElseThrow().name()).isEqualTo("b");
  }

  @Test
  void aStoredItemWithoutVersionChecksAsVersionOne(DynamoDbClient client) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(raw());
    item.remove("_object_version");
    client.putItem(b -> b.tableName(table.name()).item(item));
    assertThat(repo.get(P, C).content().orElseThrow().currentVersion()).isEqualTo(1);
    assertThat(update(UpdateCommand.builder().set("name", "v").currentVersion(1L)).currentVersion())
        .isEqualTo(2);
  }

  @Test
  void aMissingItemIsNotFoundRatherThanAConflict() {
    assertThatThrownBy(
            () ->
                repo.update(List.of("nobody"), C, UpdateCommand.builder().set("name", "x").build()))
        .isInstanceOfSatisfying(
            ItemNotFoundException.class,
            e -> assertThat(e.key()).isEqualTo(ContentKey.of(List.of("nobody"), C)))
        .hasMessageContaining("nobody")
        .isInstanceOf(RequestObjectStateException.class);
    assertThatThrownBy(
            () ->
                repo.update(
                    List.of("nobody"),
                    C,
                    UpdateCommand.builder().set("name", "x").currentVersion(4L).build()))
        .isInstanceOf(ItemNotFoundException.class);
  }

  @Test
  void requireExistsFalseUpserts() {
    PartitionedContent<Profile> created =
        repo.update(
            List.of("new"),
            C,
            UpdateCommand.builder()
                .requireExists(false)
                .set("id", "new")
                .increment("views", 1)
                .build());
    assertThat(created.item().id()).isEqualTo("new");
    assertThat(created.item().views()).isEqualTo(1);
    assertThat(created.currentVersion()).isEqualTo(1);
  }

  @Test
  void aCommandCanBeReused() {
    UpdateCommand bump = UpdateCommand.builder().increment("views", 1).build();
    repo.update(P, C, bump);
    repo.update(P, C, bump);
    PartitionedContent<Profile> third = repo.update(P, C, bump);
    assertThat(third.item().views()).isEqualTo(3);
    assertThat(third.currentVersion()).isEqualTo(4);
  }

  @Test
  void badCommandsAreRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> update(UpdateCommand.builder().set("nmae", "x")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("nmae");
    assertThatThrownBy(() -> update(UpdateCommand.builder().set("views", "many")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("views");
    assertThatThrownBy(() -> update(UpdateCommand.builder().increment("name", 1)))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("integral");
    assertThatThrownBy(() -> update(UpdateCommand.builder().append("name", List.of("x"))))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("list");
    assertThatThrownBy(() -> update(UpdateCommand.builder().set("name", "a").remove("name")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () -> update(UpdateCommand.builder().set("address", null).set("address.city", "x")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("address");
    assertThatThrownBy(() -> update(UpdateCommand.builder()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("changes nothing");
    assertThatThrownBy(() -> update(UpdateCommand.builder().set("_object_version", 5)))
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(() -> UpdateCommand.builder().currentVersion(0L))
        .isInstanceOf(InvalidCommandException.class);
    assertThat(repo.get(P, C).content().orElseThrow().currentVersion()).isEqualTo(1);
  }

  @Test
  void concurrentVersionCheckedReadModifyWriteLosesNoUpdate() throws Exception {
    int conflicts = VersionedIncrements.run(repo, ContentKey.of(P, C), 8, 50);
    PartitionedContent<Profile> end = repo.get(P, C).content().orElseThrow();
    assertThat(end.item().views()).isEqualTo(8 * 50);
    assertThat(end.currentVersion()).isEqualTo(1 + 8 * 50);
    assertThat(conflicts).isPositive();
  }
}
