package io.github.pydanticdynamo.internal.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidKeyException;
import io.github.pydanticdynamo.StorageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTests {
  private final KeyCodec codec = new KeyCodec("test", "integration", "example");

  @Test
  void composesThePythonLibrarysBytesForPlainIds() {
    assertThat(codec.partitionKey(List.of())).isEqualTo("test#integration#");
    assertThat(codec.sortKey(List.of("abc"))).isEqualTo("example#abc");
    assertThat(codec.partitionKey(List.of("u1"))).isEqualTo("test#integration#u1");
    assertThat(codec.sortKey(List.of("usa", "ny", "12020"))).isEqualTo("example#usa#ny#12020");
    assertThat(codec.partitionKey(List.of("a", "b"))).isEqualTo("test#integration#a#b");
    assertThat(codec.sortKey(List.of())).isEqualTo("example#");
  }

  @Test
  void parsesAnEmptyRemainderAsNoIds() {
    assertThat(codec.partitionIds("test#integration#")).isEmpty();
    assertThat(codec.contentIds("example#")).isEmpty();
  }

  @Test
  void escapesSeparatorAndPercentSoIdsDoNotCollide() {
    String joined = codec.partitionKey(List.of("a", "b"));
    String escaped = codec.partitionKey(List.of("a#b"));
    assertThat(escaped).isEqualTo("test#integration#a%23b").isNotEqualTo(joined);
    assertThat(codec.partitionIds(escaped)).containsExactly("a#b");
    assertThat(codec.sortKey(List.of("100%"))).isEqualTo("example#100%25");
    assertThat(codec.contentIds("example#100%25")).containsExactly("100%");
  }

  @Test
  void readsABarePercentWrittenByThePythonLibraryAsItWas() {
    assertThat(codec.contentIds("example#50%off#%2")).containsExactly("50%off", "%2");
  }

  @Test
  void keepsEmptyIdsInsideALongerList() {
    List<String> ids = List.of("", "a", "");
    assertThat(codec.contentIds(codec.sortKey(ids))).isEqualTo(ids);
  }

  @Test
  void roundTripsRandomIds() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String alphabet = "ab#%%#c .-_/é日本\uD83D\uDE00\u0000";
    for (int n = 0; n < 20_000; n++) {
      int count = 1 + random.nextInt(5);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        StringBuilder id = new StringBuilder();
        int length = random.nextInt(8);
        for (int j = 0; j < length; j++) {
          int index = random.nextInt(alphabet.length());
          char c = alphabet.charAt(index);
          if (Character.isHighSurrogate(c)) {
            id.append(c).append(alphabet.charAt(index + 1));
          } else if (!Character.isLowSurrogate(c)) {
            id.append(c);
          }
        }
        ids.add(id.toString());
      }
      if (ids.equals(List.of(""))) {
        continue; // a lone empty id reads back as no ids (documented)
      }
      assertThat(codec.contentIds(codec.sortKey(ids)))
          .as("seed %d, ids %s", seed, ids)
          .isEqualTo(ids);
      assertThat(codec.partitionIds(codec.partitionKey(ids)))
          .as("seed %d, ids %s", seed, ids)
          .isEqualTo(ids);
    }
  }

  @Test
  void rejectsKeysOverDynamoDbsLimitsBeforeAnyRequest() {
    assertThatThrownBy(() -> codec.sortKey(List.of("x".repeat(1100))))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("sort key")
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> codec.partitionKey(List.of("日".repeat(700))))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("partition key")
        .hasMessageContaining("2048");
    assertThat(codec.sortKey(List.of("x".repeat(1016)))).hasSize(1024);
  }

  @Test
  void thePythonFormatJoinsIdsRawAndRefusesToWriteIdsThatWouldNotReadBack() {
    KeyCodec python = new KeyCodec("test", "compat", "example", StorageFormat.PYTHON);
    assertThat(python.partitionKey(List.of("p#1", "50%"))).isEqualTo("test#compat#p#1#50%");
    assertThat(python.sortKey(List.of("a#b", "50%off", "x%23y")))
        .isEqualTo("example#a#b#50%off#x%23y");
    assertThat(python.contentIds("example#a#b#50%off#x%23y"))
        .containsExactly("a", "b", "50%off", "x%23y");
    assertThat(python.partitionIds("test#compat#")).isEmpty();
    assertThat(python.sortKey(List.of("hé llo", ""))).isEqualTo("example#hé llo#");

    python.checkWritable(ContentKey.of(List.of("50%"), List.of("x%23y", "")));
    assertThatThrownBy(() -> python.checkWritable(ContentKey.of(List.of("p#1"), List.of("c"))))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("partition id 'p#1'")
        .hasMessageContaining("2 ids");
    assertThatThrownBy(() -> python.checkWritable(ContentKey.of(List.of("p"), List.of(""))))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("content ids [\"\"]");
    // the standard format escapes instead, so it writes any id
    codec.checkWritable(ContentKey.of(List.of("p#1"), List.of("")));
  }
}
