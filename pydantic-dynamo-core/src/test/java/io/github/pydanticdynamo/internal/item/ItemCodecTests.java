package io.github.pydanticdynamo.internal.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.ItemMappingException;
import io.github.pydanticdynamo.ItemTooLargeException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.StorageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTests {
  record Note(String id, String text) {}

  private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

  private static ItemCodec<Note> codec(boolean hideExpired) {
    RepositorySettings settings =
        new RepositorySettings(
            Note.class,
            "table",
            "PK",
            "SK",
            "app",
            "notes",
            "note",
            false,
            hideExpired,
            BatchSettings.defaults());
    return new ItemCodec<>(Note.class, settings, null, null, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void anItemCarriesKeysModelAndTheReservedAttributes() {
    PartitionedContent<Note> content =
        PartitionedContent.of(List.of("u1"), List.of("n1"), new Note("n1", "hello"))
            .withVersion(3)
            .withExpiry(Instant.ofEpochSecond(1_900_000_000L));

    Map<String, AttributeValue> item = codec(false).item(content, NOW);

    assertThat(item)
        .containsEntry("PK", AttributeValue.fromS("app#notes#u1"))
        .containsEntry("SK", AttributeValue.fromS("note#n1"))
        .containsEntry("text", AttributeValue.fromS("hello"))
        .containsEntry(ItemCodec.VERSION, AttributeValue.fromN("3"))
        .containsEntry(ItemCodec.TIMESTAMP, AttributeValue.fromS("2030-01-02T03:04:05+00:00"))
        .containsEntry(ItemCodec.TTL, AttributeValue.fromN("1900000000"));
  }

  @Test
  void anItemReadsBackAsTheContentItWasMadeFrom() {
    ItemCodec<Note> codec = codec(false);
    PartitionedContent<Note> content =
        PartitionedContent.of(List.of("a#b", "c"), List.of("n%1"), new Note("n%1", "x"))
            .withVersion(2)
            .withExpiry(Instant.ofEpochSecond(1_900_000_000L));

    assertThat(codec.read(codec.item(content, NOW))).isEqualTo(content);
    assertThat(codec.keyOf(codec.key(content.key()))).isEqualTo(content.key());
  }

  @Test
  void expiredItemsAreHiddenOnlyWhenAsked() {
    PartitionedContent<Note> expired =
        PartitionedContent.of(List.of("u1"), List.of("n1"), new Note("n1", "x"))
            .withExpiry(NOW.minusSeconds(1));

    assertThat(codec(true).read(codec(true).item(expired, NOW))).isNull();
    assertThat(codec(false).read(codec(false).item(expired, NOW))).isEqualTo(expired);
  }

  @Test
  void aMissingOrZeroVersionCountsAsOne() {
    assertThat(ItemCodec.version(null)).isEqualTo(1);
    assertThat(ItemCodec.version(Map.of())).isEqualTo(1);
    assertThat(ItemCodec.version(Map.of(ItemCodec.VERSION, AttributeValue.fromN("0"))))
        .isEqualTo(1);
    assertThat(ItemCodec.version(Map.of(ItemCodec.VERSION, AttributeValue.fromN("7"))))
        .isEqualTo(7);
  }

  @Test
  void anItemOver400KilobytesIsRejectedWithItsSize() {
    PartitionedContent<Note> large =
        PartitionedContent.of(List.of("u1"), List.of("n1"), new Note("n1", "x".repeat(410_000)));

    assertThatThrownBy(() -> codec(false).item(large, NOW))
        .isInstanceOf(ItemTooLargeException.class)
        .hasMessageContaining("409600");
  }

  @Test
  void anItemWithForeignKeysNamesBothKeyAttributes() {
    Map<String, AttributeValue> foreign = new HashMap<>();
    foreign.put("PK", AttributeValue.fromS("other#notes#u1"));
    foreign.put("SK", AttributeValue.fromS("note#n1"));

    assertThatThrownBy(() -> codec(false).read(foreign))
        .isInstanceOf(ItemMappingException.class)
        .hasMessageContaining("keys (PK, SK) do not belong to this repository")
        .hasMessageContaining("does not start with 'app#notes#'")
        .message()
        .doesNotContain("other#notes#u1") // stored values are never shown
        .doesNotContain("note#n1");
    assertThat(codec(false).identity(codec(false).key(ContentKey.of(List.of("u1"), List.of()))))
        .isEqualTo("app#notes#u1\u0000note#");
  }

  // ---- the check of a batch's first pass ----

  record Listing(String id, String status, @Nullable String body, List<String> tags) {}

  private static ItemCodec<Listing> listings(StorageFormat format) {
    RepositorySettings settings =
        new RepositorySettings(
            Listing.class,
            "table",
            "PK",
            "SK",
            "app",
            "listings",
            "listing",
            false,
            false,
            BatchSettings.defaults(),
            List.of(
                SecondaryIndex.global("by-status")
                    .partitionIds("status")
                    .contentIds("id")
                    .partitionKey("GSI1PK")
                    .sortKey("GSI1SK")
                    .build()),
            format);
    return new ItemCodec<>(Listing.class, settings, null, null, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A failure (class and message) or nothing, so both ways of checking can be compared. */
  private static @Nullable String failure(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void theCheckThrowsWhatBuildingTheItemThrowsAndNothingElse() {
    for (StorageFormat format : StorageFormat.values()) {
      ItemCodec<Listing> codec = listings(format);
      PartitionedContent<Listing> empty = listing("u1", "l1", "open", "");
      long withoutBody = AttributeSize.itemSize(codec.item(empty, NOW));
      int fits = (int) (AttributeSize.MAX_ITEM_BYTES - withoutBody); // exactly 400 KB
      List<PartitionedContent<Listing>> contents =
          List.of(
              empty,
              listing("u1", "l1", "open", null),
              listing("u1", "l1", "open", "x".repeat(fits)),
              listing("u1", "l1", "open", "x".repeat(fits + 1)),
              listing("u1", "l1", "open", "é".repeat(fits / 2)),
              listing("u1", "l1", "open", "é".repeat(fits / 2 + 1)),
              listing("u1", "l1", "open", "文".repeat(fits / 3)),
              listing("u1", "l1", "open", "文".repeat(fits / 3 + 1)),
              listing("u".repeat(2100), "l1", "open", "x"), // partition key over 2048 bytes
              listing("u1", "l".repeat(1020), "open", "x"), // sort key over 1024 bytes
              listing("u1", "l1", "s".repeat(2100), "x"), // index partition key too long
              listing("u1", "l1", "s".repeat(2030), "x"), // long, within 2048: counted exactly
              listing("a#b", "l1", "open", "x"), // '#' in an id: the Python format rejects it
              listing("u1", "l1", "open#1", "x"));
      int failures = 0;
      for (PartitionedContent<Listing> content : contents) {
        String expected = failure(() -> codec.item(content, NOW));
        String actual = failure(() -> codec.check(content, NOW));
        assertThat(actual).as("%s, %s", format, content.key()).isEqualTo(expected);
        failures += expected == null ? 0 : 1;
      }
      // Over 400 KB three ways, three keys too long, and in the Python format an id with '#'
      // (index keys are escaped in both formats, so "open#1" is fine).
      assertThat(failures).isEqualTo(format == StorageFormat.PYTHON ? 7 : 6);
    }
  }

  private static PartitionedContent<Listing> listing(
      String user, String id, String status, @Nullable String body) {
    return PartitionedContent.of(
        List.of(user), List.of(id), new Listing(id, status, body, List.of("a", "b")));
  }
}
