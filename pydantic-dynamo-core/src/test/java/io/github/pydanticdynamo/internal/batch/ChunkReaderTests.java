package io.github.pydanticdynamo.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.ContentKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChunkReaderTests {

  private static BatchEntry entry(String id, int position) {
    if (id.equals("bad")) {
      throw new IllegalArgumentException("bad element at " + position);
    }
    return new BatchEntry(
        id.split("/")[0], ContentKey.of(List.of(), List.of(id)), null, Map.of(), null, null);
  }

  private static ChunkReader<String> reader(
      List<String> source,
      int size,
      ChunkReader.Duplicates duplicates,
      boolean dedupeAcrossChunks,
      boolean rereadable) {
    return new ChunkReader<>(
        source.iterator(),
        ChunkReaderTests::entry,
        (id, position) -> BatchEntry.unsent(ContentKey.of(List.of(), List.of(id)), null),
        size,
        duplicates,
        dedupeAcrossChunks ? new HashSet<>() : null,
        rereadable ? source.size() : -1);
  }

  private static List<List<String>> all(ChunkReader<String> reader) {
    List<List<String>> chunks = new ArrayList<>();
    for (List<BatchEntry> chunk = reader.next(); chunk != null; chunk = reader.next()) {
      chunks.add(chunk.stream().map(e -> e.key().contentIds().get(0)).toList());
    }
    return chunks;
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(Integer::toString).toList();
  }

  @Test
  void readsConsecutiveChunksTheLastOneShorter() {
    ChunkReader<String> reader =
        reader(ids(0, 60), 25, ChunkReader.Duplicates.LAST_WINS, false, true);
    assertThat(all(reader)).containsExactly(ids(0, 25), ids(25, 50), ids(50, 60));
    assertThat(reader.read()).isEqualTo(60);
    assertThat(reader.hasNext()).isFalse();
  }

  @Test
  void anEmptySourceHasNoChunk() {
    ChunkReader<String> reader =
        reader(List.of(), 25, ChunkReader.Duplicates.LAST_WINS, false, true);
    assertThat(reader.hasNext()).isFalse();
    assertThat(reader.next()).isNull();
  }

  @Test
  void aKeyTwiceInAChunkKeepsTheLastAtTheFirstPlaceForWrites() {
    ChunkReader<String> reader =
        reader(
            List.of("a/1", "b", "a/2", "c", "d"), 3, ChunkReader.Duplicates.LAST_WINS, false, true);
    assertThat(all(reader)).containsExactly(List.of("a/2", "b", "c"), List.of("d"));
  }

  @Test
  void aKeyTwiceInAChunkKeepsTheFirstForReads() {
    ChunkReader<String> reader =
        reader(
            List.of("a/1", "b", "a/2", "c", "d"),
            3,
            ChunkReader.Duplicates.FIRST_WINS,
            false,
            true);
    assertThat(all(reader)).containsExactly(List.of("a/1", "b", "c"), List.of("d"));
  }

  @Test
  void theSeenSetSkipsAnElementReadInAnEarlierChunk() {
    ChunkReader<String> reader =
        reader(
            List.of("a", "b", "c", "a", "d", "b"),
            2,
            ChunkReader.Duplicates.FIRST_WINS,
            true,
            true);
    assertThat(all(reader)).containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void aBadElementFailsWithItsPositionAndThePartOfItsChunkReadBefore() {
    ChunkReader<String> reader =
        reader(
            List.of("0", "1", "2", "bad", "4"), 2, ChunkReader.Duplicates.LAST_WINS, false, false);
    assertThat(reader.next()).hasSize(2);
    assertThatThrownBy(reader::next)
        .isInstanceOfSatisfying(
            ChunkReader.SourceFailure.class,
            e -> {
              assertThat(e.position()).isEqualTo(3);
              assertThat(e.partial()).extracting(BatchEntry::identity).containsExactly("2");
              assertThat(e.getCause()).hasMessage("bad element at 3");
            });
  }

  @Test
  void theRestOfAReReadableSourceIsReportedAndOfASinglePassOneOnlyWhatWasReadAhead() {
    ChunkReader<String> rereadable =
        reader(ids(0, 10), 4, ChunkReader.Duplicates.LAST_WINS, false, true);
    rereadable.next();
    assertThat(rereadable.hasNext()).isTrue(); // reads chunk 4..7 ahead
    assertThat(rereadable.rest())
        .extracting(e -> e.key().contentIds().get(0))
        .containsExactlyElementsOf(ids(4, 10));

    ChunkReader<String> once =
        reader(ids(0, 10), 4, ChunkReader.Duplicates.LAST_WINS, false, false);
    once.next();
    assertThat(once.hasNext()).isTrue();
    List<@Nullable String> rest =
        once.rest().stream().map(e -> e.key().contentIds().get(0)).map(s -> (String) s).toList();
    assertThat(rest).containsExactlyElementsOf(ids(4, 8));
    assertThat(once.total()).isEqualTo(-1);
    assertThat(once.read()).isEqualTo(8);
  }
}
