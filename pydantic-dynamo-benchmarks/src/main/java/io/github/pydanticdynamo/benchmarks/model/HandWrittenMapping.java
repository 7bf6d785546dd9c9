package io.github.pydanticdynamo.benchmarks.model;

import io.github.pydanticdynamo.ContentIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a careful engineer writes by hand against the low-level SDK: the floor of the mapping
 * benchmarks. It writes the same attributes as pydantic-dynamo and the Enhanced Client.
 */
public final class HandWrittenMapping {
  private HandWrittenMapping() {}

  /**
   * A small item's attributes.
   *
   * @param item the item
   * @return its attributes
   */
  public static Map<String, AttributeValue> toAttributes(SmallItem item) {
    Map<String, AttributeValue> map = new HashMap<>(8);
    map.put("id", AttributeValue.fromS(item.id()));
    map.put("name", AttributeValue.fromS(item.name()));
    map.put("rank", AttributeValue.fromN(Integer.toString(item.rank())));
    map.put("views", AttributeValue.fromN(Long.toString(item.views())));
    map.put("active", AttributeValue.fromBool(item.active()));
    return map;
  }

  /**
   * A small item from its attributes.
   *
   * @param map the attributes
   * @return the item
   */
  public static SmallItem small(Map<String, AttributeValue> map) {
    return new SmallItem(
        map.get("id").s(),
        map.get("name").s(),
        Integer.parseInt(map.get("rank").n()),
        Long.parseLong(map.get("views").n()),
        map.get("active").bool());
  }

  /**
   * A medium item's attributes.
   *
   * @param item the item
   * @return its attributes
   */
  public static Map<String, AttributeValue> toAttributes(MediumItem item) {
    Map<String, AttributeValue> map = new HashMap<>(24);
    putMedium(item, map);
    return map;
  }

  /**
   * Adds a medium item's attributes to a map (which may already hold keys).
   *
   * @param item the item
   * @param map the map to add to
   */
  public static void putMedium(MediumItem item, Map<String, AttributeValue> map) {
    map.put("id", AttributeValue.fromS(item.id()));
    map.put("title", AttributeValue.fromS(item.title()));
    map.put("review", AttributeValue.fromS(item.review()));
    map.put("rating", AttributeValue.fromN(Integer.toString(item.rating())));
    map.put("score", AttributeValue.fromN(Double.toString(item.score())));
    Map<String, AttributeValue> reviewer = new HashMap<>(4);
    reviewer.put("name", AttributeValue.fromS(item.reviewer().name()));
    reviewer.put("email", AttributeValue.fromS(item.reviewer().email()));
    reviewer.put("level", AttributeValue.fromN(Integer.toString(item.reviewer().level())));
    map.put("reviewer", AttributeValue.fromM(reviewer));
    List<AttributeValue> tags = new ArrayList<>(item.tags().size());
    for (String tag : item.tags()) {
      tags.add(AttributeValue.fromS(tag));
    }
    map.put("tags", AttributeValue.fromL(tags));
    map.put("genres", AttributeValue.fromSs(new ArrayList<>(item.genres())));
    Map<String, AttributeValue> votes = new HashMap<>(item.votes().size() * 2);
    for (Map.Entry<String, Integer> vote : item.votes().entrySet()) {
      votes.put(vote.getKey(), AttributeValue.fromN(Integer.toString(vote.getValue())));
    }
    map.put("votes", AttributeValue.fromM(votes));
    map.put("createdAt", AttributeValue.fromS(ContentIds.of(item.createdAt())));
    map.put("releaseDate", AttributeValue.fromS(item.releaseDate().toString()));
    map.put("status", AttributeValue.fromS(item.status().name()));
  }

  /**
   * A medium item from its attributes.
   *
   * @param map the attributes
   * @return the item
   */
  public static MediumItem medium(Map<String, AttributeValue> map) {
    Map<String, AttributeValue> reviewer = map.get("reviewer").m();
    List<AttributeValue> tagValues = map.get("tags").l();
    List<String> tags = new ArrayList<>(tagValues.size());
    for (AttributeValue tag : tagValues) {
      tags.add(tag.s());
    }
    Set<String> genres = new LinkedHashSet<>(map.get("genres").ss());
    Map<String, AttributeValue> voteValues = map.get("votes").m();
    Map<String, Integer> votes = new LinkedHashMap<>(voteValues.size() * 2);
    for (Map.Entry<String, AttributeValue> vote : voteValues.entrySet()) {
      votes.put(vote.getKey(), Integer.parseInt(vote.getValue().n()));
    }
    return new MediumItem(
        map.get("id").s(),
        map.get("title").s(),
        map.get("review").s(),
        Integer.parseInt(map.get("rating").n()),
        Double.parseDouble(map.get("score").n()),
        new MediumItem.Reviewer(
            reviewer.get("name").s(),
            reviewer.get("email").s(),
            Integer.parseInt(reviewer.get("level").n())),
        tags,
        genres,
        votes,
        Instant.parse(map.get("createdAt").s()),
        LocalDate.parse(map.get("releaseDate").s()),
        MediumItem.Status.valueOf(map.get("status").s()));
  }

  /**
   * A large item's attributes.
   *
   * @param item the item
   * @return its attributes
   */
  public static Map<String, AttributeValue> toAttributes(LargeItem item) {
    Map<String, AttributeValue> map = new HashMap<>(8);
    map.put("id", AttributeValue.fromS(item.id()));
    map.put("owner", AttributeValue.fromS(item.owner()));
    List<AttributeValue> sections = new ArrayList<>(item.sections().size());
    for (LargeItem.Section section : item.sections()) {
      List<AttributeValue> entries = new ArrayList<>(section.entries().size());
      for (LargeItem.Entry entry : section.entries()) {
        List<AttributeValue> values = new ArrayList<>(entry.values().size());
        for (Integer value : entry.values()) {
          values.add(AttributeValue.fromN(Integer.toString(value)));
        }
        Map<String, AttributeValue> entryMap = new HashMap<>(8);
        entryMap.put("key", AttributeValue.fromS(entry.key()));
        entryMap.put("text", AttributeValue.fromS(entry.text()));
        entryMap.put("weight", AttributeValue.fromN(Double.toString(entry.weight())));
        entryMap.put("values", AttributeValue.fromL(values));
        entries.add(AttributeValue.fromM(entryMap));
      }
      Map<String, AttributeValue> counters = new HashMap<>(section.counters().size() * 2);
      for (Map.Entry<String, Long> counter : section.counters().entrySet()) {
        counters.put(counter.getKey(), AttributeValue.fromN(Long.toString(counter.getValue())));
      }
      Map<String, AttributeValue> sectionMap = new HashMap<>(4);
      sectionMap.put("name", AttributeValue.fromS(section.name()));
      sectionMap.put("entries", AttributeValue.fromL(entries));
      sectionMap.put("counters", AttributeValue.fromM(counters));
      sections.add(AttributeValue.fromM(sectionMap));
    }
    map.put("sections", AttributeValue.fromL(sections));
    Map<String, AttributeValue> labels = new HashMap<>(item.labels().size() * 2);
    for (Map.Entry<String, Map<String, String>> group : item.labels().entrySet()) {
      Map<String, AttributeValue> groupMap = new HashMap<>(group.getValue().size() * 2);
      for (Map.Entry<String, String> label : group.getValue().entrySet()) {
        groupMap.put(label.getKey(), AttributeValue.fromS(label.getValue()));
      }
      labels.put(group.getKey(), AttributeValue.fromM(groupMap));
    }
    map.put("labels", AttributeValue.fromM(labels));
    return map;
  }

  /**
   * A large item from its attributes.
   *
   * @param map the attributes
   * @return the item
   */
  public static LargeItem large(Map<String, AttributeValue> map) {
    List<AttributeValue> sectionValues = map.get("sections").l();
    List<LargeItem.Section> sections = new ArrayList<>(sectionValues.size());
    for (AttributeValue sectionValue : sectionValues) {
      Map<String, AttributeValue> section = sectionValue.m();
      List<AttributeValue> entryValues = section.get("entries").l();
      List<LargeItem.Entry> entries = new ArrayList<>(entryValues.size());
      for (AttributeValue entryValue : entryValues) {
        Map<String, AttributeValue> entry = entryValue.m();
        List<AttributeValue> numbers = entry.get("values").l();
        List<Integer> values = new ArrayList<>(numbers.size());
        for (AttributeValue number : numbers) {
          values.add(Integer.parseInt(number.n()));
        }
        entries.add(
            new LargeItem.Entry(
                entry.get("key").s(),
                entry.get("text").s(),
                Double.parseDouble(entry.get("weight").n()),
                values));
      }
      Map<String, AttributeValue> counterValues = section.get("counters").m();
      Map<String, Long> counters = new LinkedHashMap<>(counterValues.size() * 2);
      for (Map.Entry<String, AttributeValue> counter : counterValues.entrySet()) {
        counters.put(counter.getKey(), Long.parseLong(counter.getValue().n()));
      }
      sections.add(new LargeItem.Section(section.get("name").s(), entries, counters));
    }
    Map<String, AttributeValue> labelValues = map.get("labels").m();
    Map<String, Map<String, String>> labels = new LinkedHashMap<>(labelValues.size() * 2);
    for (Map.Entry<String, AttributeValue> group : labelValues.entrySet()) {
      Map<String, AttributeValue> groupValues = group.getValue().m();
      Map<String, String> groupMap = new LinkedHashMap<>(groupValues.size() * 2);
      for (Map.Entry<String, AttributeValue> label : groupValues.entrySet()) {
        groupMap.put(label.getKey(), label.getValue().s());
      }
      labels.put(group.getKey(), groupMap);
    }
    return new LargeItem(map.get("id").s(), map.get("owner").s(), sections, labels);
  }
}
