package io.github.pydanticdynamo.benchmarks.model;

import java.util.List;
import java.util.Map;

/**
 * A large item (about 50 KB): nested lists of records and nested maps.
 *
 * @param id the id
 * @param owner the owner
 * @param sections the sections (list of nested records)
 * @param labels label groups (map of maps)
 */
public record LargeItem(
    String id, String owner, List<Section> sections, Map<String, Map<String, String>> labels) {

  /**
   * A section of a {@link LargeItem}.
   *
   * @param name the name
   * @param entries the entries (list of nested records)
   * @param counters counters by name
   */
  public record Section(String name, List<Entry> entries, Map<String, Long> counters) {}

  /**
   * An entry of a {@link Section}.
   *
   * @param key the key
   * @param text a text
   * @param weight a decimal weight
   * @param values a few numbers
   */
  public record Entry(String key, String text, double weight, List<Integer> values) {}
}
