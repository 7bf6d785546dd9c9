package io.github.pydanticdynamo;

import static io.github.pydanticdynamo.PythonVectors.comparable;
import static io.github.pydanticdynamo.PythonVectors.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pydanticdynamo.VectorRepository.Driver;
import io.github.pydanticdynamo.internal.item.KeyCodec;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The standard storage format against pydantic-dynamo 0.4.2's vectors: each put vector stores the
 * Python library's item except for the departures the README's table lists (escaped ids, omitted
 * nulls, native sets) and nothing else, and every item the Python library stored reads back.
 */
@DynamoDbTest(tablePerClass = true)
class StandardFormatItemVectorsIntegrationTests {

  /** The ways a standard item may differ from the Python library's, as the README lists them. */
  enum Departure {
    ESCAPED_IDS("| ids holding `#` or `%`"),
    OMITTED_NULLS("| null properties"),
    NATIVE_SETS("| sets");

    final String readmeRow;

    Departure(String readmeRow) {
      this.readmeRow = readmeRow;
    }
  }

  private static final KeyCodec STANDARD_KEYS = new KeyCodec("test", "compat", "example");

  static Stream<Arguments> writeVectors() {
    return PythonVectors.items()
        .filter(PythonVectors::ok)
        .flatMap(
            v ->
                Stream.of(Driver.values())
                    .map(d -> Arguments.of(PythonFormatItemVectorsIntegrationTests.name(v), v, d)));
  }

  static Stream<Arguments> storedVectors() {
    return PythonVectors.items()
        .filter(v -> v.has("stored_item") && !v.get("stored_item").isNull())
        .filter(v -> !ids(v).anyMatch(id -> id.contains("#") || id.contains("%")))
        .flatMap(
            v ->
                Stream.of(Driver.values())
                    .map(d -> Arguments.of(PythonFormatItemVectorsIntegrationTests.name(v), v, d)));
  }

  private static Stream<String> ids(JsonNode vector) {
    return Stream.concat(
        strings(vector.get("partition_ids")).stream(), strings(vector.get("content_ids")).stream());
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("writeVectors")
  void storesThePythonItemButForTheListedDepartures(
      String name, JsonNode vector, Driver driver, TestTable table) {
    Set<Departure> seen = EnumSet.noneOf(Departure.class);
    List<String> unexplained = new ArrayList<>();

    compare(driver, table, vector, seen, unexplained);

    assertThat(unexplained).as("differences the README does not list").isEmpty();
  }

  @Test
  void theReadmeListsExactlyTheDeparturesTheVectorsShow(TestTable table) throws IOException {
    Set<Departure> seen = EnumSet.noneOf(Departure.class);
    List<String> unexplained = new ArrayList<>();
    PythonVectors.items()
        .filter(PythonVectors::ok)
        .forEach(v -> compare(Driver.SYNC, table, v, seen, unexplained));

    assertThat(unexplained).isEmpty();
    assertThat(seen).containsExactlyInAnyOrder(Departure.values());
    String readme = Files.readString(Path.of("..", "README.md"));
    for (Departure departure : Departure.values()) {
      assertThat(readme).as("README row for %s", departure).contains(departure.readmeRow);
    }
  }

  private static void compare(
      Driver driver,
      TestTable table,
      JsonNode vector,
      Set<Departure> seen,
      List<String> unexplained) {
    String name = PythonFormatItemVectorsIntegrationTests.name(vector);
    Class<?> model = PythonVectorModels.itemModel(name);
    List<String> partitionIds = strings(vector.get("partition_ids"));
    List<String> contentIds = strings(vector.get("content_ids"));
    write(driver, model, table, vector);
    Map<String, AttributeValue> ours =
        table
            .client()
            .getItem(
                b ->
                    b.tableName(table.name())
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "_table_item_id",
                                AttributeValue.fromS(STANDARD_KEYS.partitionKey(partitionIds)),
                                "_table_content_id",
                                AttributeValue.fromS(STANDARD_KEYS.sortKey(contentIds)))))
            .item();
    assertThat(ours.get("_timestamp").s()).matches(PythonVectors.TIMESTAMP);
    Map<String, AttributeValue> python = PythonVectors.attributes(vector.get("stored_item"));
    diff(name, ours, python, PythonVectors.setFields(vector.get("model")), true, seen, unexplained);
  }

  private static <T> void write(Driver driver, Class<T> model, TestTable table, JsonNode vector) {
    VectorRepository.of(driver, model, table, StorageFormat.STANDARD)
        .put(PythonFormatItemVectorsIntegrationTests.content(vector, model));
  }

  /** Classifies every difference between two maps of attributes (an item or a nested map). */
  private static void diff(
      String where,
      Map<String, AttributeValue> ours,
      Map<String, AttributeValue> python,
      Set<String> setFields,
      boolean item,
      Set<Departure> seen,
      List<String> unexplained) {
    Set<String> names = new TreeSet<>(ours.keySet());
    names.addAll(python.keySet());
    names.remove(item ? "_timestamp" : "");
    for (String name : names) {
      String path = where + "." + name;
      AttributeValue o = ours.get(name);
      AttributeValue p = python.get(name);
      if (o != null && p != null && comparable(o, false).equals(comparable(p, false))) {
        continue;
      }
      if (o == null && p != null && p.type() == AttributeValue.Type.NUL) {
        seen.add(Departure.OMITTED_NULLS);
      } else if (o == null || p == null) {
        unexplained.add(path + ": " + o + " vs the Python library's " + p);
      } else if (item && name.startsWith("_table_") && unescape(o.s()).equals(p.s())) {
        seen.add(Departure.ESCAPED_IDS);
      } else if (item
          && setFields.contains(name)
          && p.type() == AttributeValue.Type.L
          && (o.type() == AttributeValue.Type.SS || o.type() == AttributeValue.Type.NS)
          && elements(o).equals(elements(p))) {
        seen.add(Departure.NATIVE_SETS);
      } else if (o.type() == AttributeValue.Type.M && p.type() == AttributeValue.Type.M) {
        diff(path, o.m(), p.m(), Set.of(), false, seen, unexplained);
      } else if (o.type() == AttributeValue.Type.L
          && p.type() == AttributeValue.Type.L
          && o.l().size() == p.l().size()) {
        for (int i = 0; i < o.l().size(); i++) {
          diff(
              path,
              Map.of("[" + i + "]", o.l().get(i)),
              Map.of("[" + i + "]", p.l().get(i)),
              Set.of(),
              false,
              seen,
              unexplained);
        }
      } else {
        unexplained.add(path + ": " + o + " vs the Python library's " + p);
      }
    }
  }

  private static String unescape(String key) {
    return key.replace("%23", "#").replace("%25", "%");
  }

  private static Set<Object> elements(AttributeValue set) {
    Set<Object> elements = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
    switch (set.type()) {
      case SS -> elements.addAll(set.ss());
      case NS -> set.ns().forEach(n -> elements.add(PythonVectors.number(n)));
      default ->
          set.l().forEach(e -> elements.add(e.s() != null ? e.s() : PythonVectors.number(e.n())));
    }
    return elements;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("storedVectors")
  void readsWhatThePythonLibraryStored(
      String name, JsonNode vector, Driver driver, TestTable table) {
    PythonFormatItemVectorsIntegrationTests.read(
        driver, PythonVectorModels.itemModel(name), table, vector, StorageFormat.STANDARD);
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void pythonIdsHoldingHashOrPercentAreNotFoundByThoseIds(Driver driver, TestTable table) {
    // What the Python library stores for content ids ["x%23y"] and ["a#b"] in partition
    // ["escaped"].
    for (String sortKey : List.of("example#x%23y", "example#a#b")) {
      table
          .client()
          .putItem(
              b ->
                  b.tableName(table.name())
                      .item(
                          Map.of(
                              "_table_item_id", AttributeValue.fromS("test#compat#escaped"),
                              "_table_content_id", AttributeValue.fromS(sortKey),
                              "v", AttributeValue.fromS(sortKey))));
    }
    VectorRepository<PythonVectorModels.V> standard =
        VectorRepository.of(driver, PythonVectorModels.V.class, table, StorageFormat.STANDARD);

    assertThat(standard.get(List.of("escaped"), List.of("x%23y"))).isEmpty();
    assertThat(standard.get(List.of("escaped"), List.of("a#b"))).isEmpty();
    assertThat(standard.list(List.of("escaped"), List.of(), QueryOptions.defaults()))
        .extracting(PartitionedContent::contentIds)
        .containsExactly(List.of("a", "b"), List.of("x#y"));

    VectorRepository<PythonVectorModels.V> python =
        VectorRepository.of(driver, PythonVectorModels.V.class, table, StorageFormat.PYTHON);
    assertThat(python.get(List.of("escaped"), List.of("x%23y"))).isPresent();
    assertThat(python.get(List.of("escaped"), List.of("a#b"))).isPresent();
    assertThat(python.list(List.of("escaped"), List.of(), QueryOptions.defaults()))
        .extracting(PartitionedContent::contentIds)
        .containsExactly(List.of("a", "b"), List.of("x%23y"));
  }
}
