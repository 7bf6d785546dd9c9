package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pydanticdynamo.Models.Blob;
import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDbTest
class RepositoryIntegrationTests {

  private static String pad(int i) {
    return String.format("%03d", i);
  }

  private static List<PartitionedContent<FilmActor>> actors(String partition, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                PartitionedContent.of(
                    List.of(partition), List.of(pad(i)), new FilmActor(pad(i), "Actor " + i, null)))
        .toList();
  }

  @Test
  void putThenGetRoundTripsTheContentWithItsBookkeeping(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
    PartitionedContent<FilmActor> content =
        PartitionedContent.of(
                List.of("p1"), List.of("tom"), new FilmActor("tom", "Tom Hanks", "Talented"))
            .withExpiry(expiry);

    repo.put(content);

    assertThat(repo.get(List.of("p1"), List.of("tom")).content()).contains(content);
    assertThat(repo.getItem(List.of("p1"), List.of("tom"))).contains(content.item());
    Map<String, AttributeValue> raw = table.scanAll().get(0);
    assertThat(raw.get("_table_item_id").s()).isEqualTo("test#actors#p1");
    assertThat(raw.get("_table_content_id").s()).isEqualTo("actor#tom");
    assertThat(raw.get("_object_version").n()).isEqualTo("1");
    assertThat(raw.get("_ttl").n()).isEqualTo("1893456000");
    assertThat(Instant.parse(raw.get("_timestamp").s())).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void nullFieldsAreNotWritten(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.put(
        PartitionedContent.of(List.of(), List.of("meg"), new FilmActor("meg", "Meg Ryan", null)));
    assertThat(table.scanAll().get(0)).doesNotContainKey("review").containsKey("name");
  }

  @Test
  void getOfAMissingItemIsEmpty(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    assertThat(repo.get(List.of("nobody"), List.of("x")).content()).isEmpty();
    assertThat(repo.getItem(null, null)).isEmpty();
  }

  @Test
  void putKeepsTheContentsVersion(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.put(
        PartitionedContent.of(List.of(), List.of("a"), new FilmActor("a", "A", null))
            .withVersion(3));
    assertThat(repo.get(List.of(), List.of("a")).content().orElseThrow().currentVersion())
        .isEqualTo(3);
  }

  @Test
  void idsWithSeparatorsPercentUnicodeAndEmptyListsRoundTrip(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    List<List<String>> idLists =
        List.of(
            List.of(),
            List.of("a#b"),
            List.of("a", "b"),
            List.of("100%", "%23"),
            List.of("日本語", "\uD83C\uDFAC"),
            List.of("", "x"));
    for (List<String> partition : idLists) {
      for (List<String> content : idLists) {
        repo.put(
            PartitionedContent.of(
                partition, content, new FilmActor("x", partition + "/" + content, null)));
      }
    }
    assertThat(table.count()).isEqualTo(idLists.size() * idLists.size());
    for (List<String> partition : idLists) {
      for (List<String> content : idLists) {
        PartitionedContent<FilmActor> read = repo.get(partition, content).content().orElseThrow();
        assertThat(read.partitionIds()).isEqualTo(partition);
        assertThat(read.contentIds()).isEqualTo(content);
        assertThat(read.item().name()).isEqualTo(partition + "/" + content);
      }
    }
  }

  @Test
  void readsItemsWrittenByThePythonLibrary(TestTable table, DynamoDbClient client) {
    Map<String, AttributeValue> noVersion =
        Map.of(
            "_table_item_id", AttributeValue.fromS("test#actors#"),
            "_table_content_id", AttributeValue.fromS("actor#tom"),
            "id", AttributeValue.fromS("tom"),
            "name", AttributeValue.fromS("Tom Hanks"),
            "review", AttributeValue.fromNul(true),
            "_timestamp", AttributeValue.fromS("2023-08-26T10:00:00.123456+00:00"));
    Map<String, AttributeValue> versioned =
        Map.of(
            "_table_item_id", AttributeValue.fromS("test#actors#usa#ny"),
            "_table_content_id", AttributeValue.fromS("actor#meg#1"),
            "id", AttributeValue.fromS("meg"),
            "name", AttributeValue.fromS("Meg Ryan"),
            "review", AttributeValue.fromS("Great"),
            "_object_version", AttributeValue.fromN("3"),
            "_ttl", AttributeValue.fromN("1893456000"),
            "_timestamp", AttributeValue.fromS("2023-08-26T10:00:00+00:00"));
    client.putItem(b -> b.tableName(table.name()).item(noVersion));
    client.putItem(b -> b.tableName(table.name()).item(versioned));
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();

    assertThat(repo.get(List.of(), List.of("tom")).content())
        .contains(
            PartitionedContent.of(
                List.of(), List.of("tom"), new FilmActor("tom", "Tom Hanks", null)));
    assertThat(repo.get(List.of("usa", "ny"), List.of("meg", "1")).content())
        .contains(
            new PartitionedContent<>(
                List.of("usa", "ny"),
                List.of("meg", "1"),
                new FilmActor("meg", "Meg Ryan", "Great"),
                3,
                Instant.parse("2030-01-01T00:00:00Z")));
  }

  @Test
  void putBatchWritesEveryItemAcrossChunksOf25(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(actors("p", 137));
    assertThat(table.count()).isEqualTo(137);
    repo.putBatch(actors("q", 125));
    assertThat(table.count()).isEqualTo(262);
  }

  @Test
  void aLargePutBatchWritesItemsMappedAgainAtSendTimeExactlyAsChecked(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    // Past the first 1000, items are mapped again just before their chunk is sent.
    List<PartitionedContent<FilmActor>> contents = actors("p", 1300);
    repo.putBatch(contents);
    Map<String, FilmActor> stored = new HashMap<>();
    repo.listContents(List.of("p"), List.of())
        .forEach(c -> stored.put(c.contentIds().get(0), c.item()));
    assertThat(stored).hasSize(1300);
    for (PartitionedContent<FilmActor> content : contents) {
      assertThat(stored.get(content.contentIds().get(0))).isEqualTo(content.item());
    }
    Set<String> timestamps = new HashSet<>();
    for (Map<String, AttributeValue> item : table.scanAll()) {
      timestamps.add(item.get("_timestamp").s());
    }
    assertThat(timestamps).as("one write time for the whole batch").hasSize(1);
  }

  @Test
  void putBatchWithDuplicateKeysKeepsTheLastOneWithoutADynamoDbError(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    List<PartitionedContent<FilmActor>> contents = new ArrayList<>(actors("p", 30));
    contents.add(
        PartitionedContent.of(List.of("p"), List.of(pad(3)), new FilmActor(pad(3), "Last", null)));
    repo.putBatch(contents);
    assertThat(table.count()).isEqualTo(30);
    assertThat(repo.getItem(List.of("p"), List.of(pad(3))).orElseThrow().name()).isEqualTo("Last");
  }

  @Test
  void getBatchAnswersOnePagePerHundredKeysInRequestOrder(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(actors("p", 137));
    List<ContentKey> keys = new ArrayList<>();
    for (int i = 136; i >= 0; i--) {
      keys.add(ContentKey.of(List.of("p"), List.of(pad(i))));
    }
    keys.add(ContentKey.of(List.of("p"), List.of("missing")));
    keys.add(ContentKey.of(List.of("p"), List.of(pad(5)))); // asked twice, read once
    Collections.rotate(keys, 7);

    List<BatchResponse<FilmActor>> pages = repo.getBatch(keys).toList();

    List<String> distinct = keys.stream().map(k -> k.contentIds().get(0)).distinct().toList();
    assertThat(distinct).hasSize(138);
    assertThat(pages).hasSize(2);
    for (int page = 0; page < 2; page++) {
      List<String> asked =
          distinct.subList(page * 100, Math.min(distinct.size(), page * 100 + 100)).stream()
              .filter(id -> !id.equals("missing"))
              .toList();
      assertThat(pages.get(page).contents())
          .extracting(c -> c.item().id())
          .containsExactlyElementsOf(asked);
    }
    assertThat(pages).allSatisfy(p -> assertThat(p.nextToken()).isEmpty());
  }

  @Test
  void getBatchOfNoKeysMakesNoRequest(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    assertThat(repo.getBatch(List.of())).isEmpty();
  }

  @Test
  void deleteRemovesEveryItemUnderThePrefixAndCountsThem(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    repo.putBatch(actors("p", 137));
    repo.putBatch(actors("other", 3));

    assertThat(repo.delete(List.of("p"), List.of("0"))).isEqualTo(100);

    List<String> left = repo.listContents(List.of("p"), List.of()).map(c -> c.item().id()).toList();
    assertThat(left)
        .containsExactlyElementsOf(
            IntStream.range(100, 137).mapToObj(RepositoryIntegrationTests::pad).toList());
    assertThat(repo.delete(List.of("p"), null)).isEqualTo(37);
    assertThat(table.count()).isEqualTo(3);
  }

  record Signup(@NotBlank String email, String name) {}

  @Test
  void beanValidationRejectsAnInvalidItemBeforeAnythingIsWritten(TestTable table) {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    DynamoRepository<Signup> repo =
        RepositoryFixture.sync(Signup.class, table).validator(validator).build();

    assertThatThrownBy(
            () -> repo.put(PartitionedContent.of(List.of(), List.of("1"), new Signup(" ", "x"))))
        .isInstanceOf(InvalidItemException.class)
        .hasMessageContaining("email: must not be blank")
        .hasMessageContaining("contentIds=[1]");

    List<PartitionedContent<Signup>> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      batch.add(
          PartitionedContent.of(
              List.of(), List.of("b" + i), new Signup(i == 55 ? "" : "a@b.c", "x")));
    }
    assertThatThrownBy(() -> repo.putBatch(batch))
        .isInstanceOfSatisfying(
            InvalidItemException.class,
            e -> assertThat(e.key()).isEqualTo(ContentKey.of(List.of(), List.of("b55"))));
    assertThat(table.count()).isZero();
  }

  @Test
  void anItemOver400KbIsRejectedBeforeTheRequest(TestTable table) {
    DynamoRepository<Blob> repo = RepositoryFixture.sync(Blob.class, table).build();
    assertThatThrownBy(
            () ->
                repo.put(
                    PartitionedContent.of(
                        List.of(), List.of("big"), new Blob("big", "x".repeat(410_000)))))
        .isInstanceOf(ItemTooLargeException.class)
        .hasMessageContaining("contentIds=[big]")
        .hasMessageContaining("400 KB");
    assertThat(table.count()).isZero();
  }

  @Test
  void aStoredItemThatDoesNotFitTheModelNamesItsKey(TestTable table, DynamoDbClient client) {
    client.putItem(
        b ->
            b.tableName(table.name())
                .item(
                    Map.of(
                        "_table_item_id", AttributeValue.fromS("test#Profile#"),
                        "_table_content_id", AttributeValue.fromS("Profile#bad"),
                        "id", AttributeValue.fromS("bad"),
                        "views", AttributeValue.fromS("not a number"))));
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    assertThatThrownBy(() -> repo.get(List.of(), List.of("bad")))
        .isInstanceOf(ItemMappingException.class)
        .hasMessageContaining("contentIds=[bad]")
        .hasMessageContaining("Profile");
  }

  record Clash(String id, @JsonProperty("_ttl") long ttl) {}

  record KeyClash(String id, String _table_item_id) {}

  @Test
  void modelsUsingReservedOrKeyNamesAreRejectedWhenTheRepositoryIsBuilt(TestTable table) {
    assertThatThrownBy(() -> RepositoryFixture.sync(Clash.class, table).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("_ttl");
    assertThatThrownBy(() -> RepositoryFixture.sync(KeyClash.class, table).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("_table_item_id");
  }

  @Test
  void missingSettingsFailTheBuildWithTheFix() {
    assertThatThrownBy(
            () ->
                DynamoRepository.builder(FilmActor.class)
                    .client(io.github.pydanticdynamo.test.LocalDynamoDb.shared().client())
                    .partitionPrefix("p")
                    .build())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("tableName");
    assertThatThrownBy(
            () ->
                DynamoRepository.builder(FilmActor.class)
                    .client(io.github.pydanticdynamo.test.LocalDynamoDb.shared().client())
                    .tableName("t")
                    .partitionPrefix("a#b")
                    .build())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("'#'");
  }

  @Test
  void annotationDefaultsNameTheKeys(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    assertThat(repo.settings().contentType()).isEqualTo("actor");
    assertThat(repo.settings().partitionName()).isEqualTo("actors");
    DynamoRepository<Profile> profiles = RepositoryFixture.sync(Profile.class, table).build();
    assertThat(profiles.settings().contentType()).isEqualTo("Profile");
    assertThat(profiles.settings().partitionName()).isEqualTo("Profile");
  }

  @Test
  void hideExpiredLeavesOutItemsDynamoDbHasNotDeletedYet(TestTable table) {
    java.time.Clock clock =
        java.time.Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    DynamoRepository<FilmActor> hiding =
        RepositoryFixture.sync(FilmActor.class, table).hideExpired(true).clock(clock).build();
    DynamoRepository<FilmActor> showing = RepositoryFixture.sync(FilmActor.class, table).build();
    PartitionedContent<FilmActor> expired =
        PartitionedContent.of(List.of(), List.of("old"), new FilmActor("old", "Old", null))
            .withExpiry(Instant.parse("2026-05-31T00:00:00Z"));
    PartitionedContent<FilmActor> alive =
        PartitionedContent.of(List.of(), List.of("new"), new FilmActor("new", "New", null))
            .withExpiry(Instant.parse("2026-06-02T00:00:00Z"));
    hiding.putBatch(List.of(expired, alive));

    assertThat(hiding.get(List.of(), List.of("old")).content()).isEmpty();
    assertThat(hiding.listContents(List.of(), List.of())).containsExactly(alive);
    assertThat(
            hiding
                .getBatch(List.of(expired.key(), alive.key()))
                .flatMap(p -> p.contents().stream()))
        .containsExactly(alive);
    assertThat(showing.listContents(List.of(), List.of())).containsExactly(alive, expired);
  }

  @Test
  void profilesRoundTripEveryFieldKind(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    List<PartitionedContent<Profile>> contents =
        IntStream.range(0, 10)
            .mapToObj(i -> PartitionedContent.of(List.of(), List.of("p" + i), Profile.of("p" + i)))
            .toList();
    repo.putBatch(contents);
    Map<String, Profile> read =
        repo.listContents(List.of(), List.of())
            .collect(Collectors.toMap(c -> c.item().id(), PartitionedContent::item));
    for (PartitionedContent<Profile> content : contents) {
      assertThat(read.get(content.item().id())).isEqualTo(content.item());
    }
  }
}
