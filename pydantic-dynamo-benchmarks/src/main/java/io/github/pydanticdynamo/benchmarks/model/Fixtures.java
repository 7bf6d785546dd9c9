package io.github.pydanticdynamo.benchmarks.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deterministic benchmark data: the same index always gives the same item. */
public final class Fixtures {
  private static final String WORDS =
      "the film carries its cast through a slow first act and a brilliant last one while the score"
          + " and the camera work keep every scene alive long after the credits roll";
  private static final String[] GENRES = {"drama", "comedy", "thriller", "noir", "romance"};

  private Fixtures() {}

  /**
   * A small item.
   *
   * @param index which one
   * @return the item
   */
  public static SmallItem small(int index) {
    return new SmallItem(
        "small-" + index, "name number " + index, index % 100, 1_000_000L + index, index % 2 == 0);
  }

  /**
   * A medium item of about 1 KB.
   *
   * @param index which one
   * @return the item
   */
  public static MediumItem medium(int index) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    votes.put("imdb", 7 + index % 3);
    votes.put("rotten", 80 + index % 20);
    votes.put("metacritic", 60 + index % 40);
    votes.put("letterboxd", 4);
    votes.put("friends", index % 11);
    Set<String> genres = new LinkedHashSet<>();
    genres.add(GENRES[index % GENRES.length]);
    genres.add(GENRES[(index + 1) % GENRES.length]);
    genres.add(GENRES[(index + 3) % GENRES.length]);
    return new MediumItem(
        "medium-" + index,
        "A Film Called Number " + index,
        text(index, 640),
        1 + index % 5,
        index % 1000 / 10.0 + 0.25,
        new MediumItem.Reviewer(
            "Reviewer " + index % 97, "reviewer" + index % 97 + "@example.org", 3),
        List.of("festival", "subtitled", "restored", "director-cut", "tag-" + index % 13),
        genres,
        votes,
        Instant.ofEpochSecond(1_700_000_000L + index, 123_000_000L),
        LocalDate.of(1990 + index % 30, 1 + index % 12, 1 + index % 28),
        MediumItem.Status.values()[index % 3]);
  }

  /**
   * A large item of about 50 KB.
   *
   * @param index which one
   * @return the item
   */
  public static LargeItem large(int index) {
    List<LargeItem.Section> sections = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      List<LargeItem.Entry> entries = new ArrayList<>();
      for (int e = 0; e < 20; e++) {
        int n = index + s * 20 + e;
        List<Integer> values = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
          values.add(n * 31 + v * 7);
        }
        entries.add(
            new LargeItem.Entry("entry-" + s + "-" + e, text(n, 160), n % 997 / 7.0, values));
      }
      Map<String, Long> counters = new LinkedHashMap<>();
      for (int c = 0; c < 6; c++) {
        counters.put("counter-" + c, 10_000L * s + c + index);
      }
      sections.add(new LargeItem.Section("section-" + s, entries, counters));
    }
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (int g = 0; g < 10; g++) {
      Map<String, String> group = new LinkedHashMap<>();
      for (int l = 0; l < 10; l++) {
        group.put("label-" + l, "value " + g + "/" + l + " for item " + index);
      }
      labels.put("group-" + g, group);
    }
    return new LargeItem("large-" + index, "owner-" + index % 17, sections, labels);
  }

  /** About {@code length} characters of text that differ with the index. */
  static String text(int index, int length) {
    StringBuilder text = new StringBuilder(length + WORDS.length());
    text.append('#').append(index).append(' ');
    while (text.length() < length) {
      text.append(WORDS, 0, Math.min(WORDS.length(), length - text.length())).append(' ');
    }
    return text.substring(0, length);
  }
}
