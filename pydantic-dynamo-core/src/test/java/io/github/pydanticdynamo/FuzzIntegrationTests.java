package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Random records and random attribute names through the real engine. */
@DynamoDbTest
class FuzzIntegrationTests {
  static final int RECORDS = Integer.getInteger("fuzz.records", 10_000);
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    " ",
    "#",
    "%",
    ".",
    "-",
    "_",
    ":",
    "é",
    "日本",
    "\uD83C\uDFAC",
    "\t",
    "\"",
    "'",
    "\\",
    "{}",
    "size",
    "name"
  };
  private static final String[] RESERVED_WORDS = {
    "size", "name", "status", "year", "data", "count", "order", "key", "value"
  };

  record Nested(String label, @Nullable Nested child, List<Integer> numbers) {}

  record FuzzItem(
      String text,
      @Nullable String optional,
      long number,
      double decimal,
      BigDecimal exact,
      BigInteger huge,
      boolean flag,
      List<String> list,
      Set<String> tags,
      Map<String, Object> attributes,
      Nested nested) {}

  private static String text(Random random, int maxPieces) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static String nonEmpty(Random random) {
    String text = text(random, 4);
    return text.isEmpty() ? "k" : text;
  }

  private static Object untyped(Random random, int depth) {
    switch (random.nextInt(depth > 2 ? 5 : 7)) {
      case 0:
        return text(random, 5);
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextInt();
      case 3:
        return random.nextLong() | (1L << 40);
      case 4:
        return BigDecimal.valueOf(
            random.nextInt(1_000_000) * 10L + 1 + random.nextInt(9), 1 + random.nextInt(6));
      case 5:
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          list.add(untyped(random, depth + 1));
        }
        return list;
      default:
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          map.put(nonEmpty(random), untyped(random, depth + 1));
        }
        return map;
    }
  }

  private static Nested nested(Random random, int depth) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      numbers.add(random.nextInt());
    }
    return new Nested(
        text(random, 3),
        depth < 4 && random.nextBoolean() ? nested(random, depth + 1) : null,
        numbers);
  }

  static FuzzItem item(Random random) {
    Set<String> tags = new HashSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      tags.add(nonEmpty(random));
    }
    List<String> list = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      list.add(text(random, 3));
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      attributes.put(nonEmpty(random), untyped(random, 0));
    }
    double decimal =
        random.nextBoolean()
            ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
            : -random.nextInt(1000);
    return new FuzzItem(
        text(random, 8),
        random.nextBoolean() ? null : text(random, 3),
        random.nextLong(),
        decimal,
        new BigDecimal(new BigInteger(100, random), 10)
            .stripTrailingZeros()
            .add(BigDecimal.valueOf(1, 11)),
        new BigInteger(120, random),
        random.nextBoolean(),
        list,
        tags,
        attributes,
        nested(random, 0));
  }

  @Test
  void randomRecordsRoundTripExactly(TestTable table) {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    DynamoRepository<FuzzItem> repo = RepositoryFixture.sync(FuzzItem.class, table).build();
    List<PartitionedContent<FuzzItem>> contents = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      List<String> ids = List.of(text(random, 3), Integer.toString(i));
      contents.add(PartitionedContent.of(List.of("fuzz"), ids, item(random)));
    }
    repo.putBatch(contents);
    List<PartitionedContent<FuzzItem>> read =
        repo.getBatch(contents.stream().map(PartitionedContent::key).toList())
            .flatMap(p -> p.contents().stream())
            .toList();
    assertThat(read).as("seed %d", seed).hasSize(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      assertThat(read.get(i)).as("seed %d, record %d", seed, i).isEqualTo(contents.get(i));
    }
  }

  record Awkward(
      String id,
      @JsonProperty("my-field") String dashed,
      @JsonProperty("first name") String spaced,
      @JsonProperty("size") int size,
      @JsonProperty("status") String status,
      Map<String, String> labels) {}

  @Test
  void randomAttributeNamesWorkInFiltersAndUpdates(TestTable table) {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    DynamoRepository<Awkward> repo = RepositoryFixture.sync(Awkward.class, table).build();
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      String key =
          RESERVED_WORDS[random.nextInt(RESERVED_WORDS.length)] + text(random, 3).replace(".", "");
      labels.put(key.isEmpty() ? "k" : key, "v" + i);
    }
    repo.put(
        PartitionedContent.of(
            List.of(), List.of("a"), new Awkward("a", "d", "s", 1, "ok", Map.of())));
    repo.put(
        PartitionedContent.of(
            List.of(), List.of("b"), new Awkward("b", "x", "y", 2, "no", Map.of())));

    Awkward updated =
        repo.update(
                List.of(),
                List.of("a"),
                UpdateCommand.builder()
                    .merge("labels", labels)
                    .set("my-field", "dash")
                    .set("first name", "First")
                    .increment("size", 41)
                    .set("status", "done")
                    .build())
            .item();
    assertThat(updated.labels()).as("seed %d", seed).isEqualTo(labels);
    assertThat(updated.size()).isEqualTo(42);

    for (Map.Entry<String, String> label : labels.entrySet()) {
      FilterCommand filter =
          FilterCommand.builder()
              .equalTo("labels." + label.getKey(), label.getValue())
              .equalTo("my-field", "dash")
              .beginsWith("first name", "Fir")
              .greaterThan("size", 40)
              .in("status", List.of("done", "x"))
              .build();
      assertThat(
              repo.listContents(
                  List.of(), List.of(), QueryOptions.builder().filter(filter).build()))
          .as("seed %d, label %s", seed, label.getKey())
          .extracting(c -> c.item().id())
          .containsExactly("a");
    }
  }
}
