package io.github.pydanticdynamo;

import static io.github.pydanticdynamo.PythonVectors.assertSameItem;
import static io.github.pydanticdynamo.PythonVectors.attributes;
import static io.github.pydanticdynamo.PythonVectors.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pydanticdynamo.PythonVectorModels.Event;
import io.github.pydanticdynamo.VectorRepository.Driver;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * In the Python storage format every put vector of pydantic-dynamo 0.4.2 (items.json) stores the
 * same item as the Python library ({@code _timestamp} aside, numbers compared as numbers, sets as
 * lists in any order), and every item it stored reads back to the vector's values, sync and async.
 * Where the Python library fails (floats, UUIDs, 39-digit numbers, nested datetimes, int keys,
 * empty sets, reading bytes back) the expected items here are this library's, not the failure.
 */
@DynamoDbTest(tablePerClass = true)
class PythonFormatItemVectorsIntegrationTests {

  /** The one vector whose ids hold '#': the Python format refuses to write it (see below). */
  private static final String HASH_IDS = "ids_hash_and_percent";

  static Stream<Arguments> writeVectors() {
    return PythonVectors.items()
        .filter(PythonVectors::ok)
        .filter(v -> !v.get("name").asText().equals(HASH_IDS))
        .flatMap(v -> Stream.of(Driver.values()).map(d -> Arguments.of(name(v), v, d)));
  }

  static Stream<Arguments> storedVectors() {
    return PythonVectors.items()
        .filter(v -> v.has("stored_item") && !v.get("stored_item").isNull())
        .flatMap(v -> Stream.of(Driver.values()).map(d -> Arguments.of(name(v), v, d)));
  }

  static String name(JsonNode vector) {
    return vector.get("name").asText();
  }

  static <T> PartitionedContent<T> content(JsonNode vector, Class<T> model) {
    T value = PythonVectors.input(vector.get("input"), model);
    return PartitionedContent.of(
            strings(vector.get("partition_ids")), strings(vector.get("content_ids")), value)
        .withVersion(vector.get("current_version").asLong())
        .withExpiry(PythonVectors.expiry(vector.get("expiry")));
  }

  static Map<String, AttributeValue> stored(TestTable table, JsonNode key) {
    return table
        .client()
        .getItem(b -> b.tableName(table.name()).key(attributesOfKey(key)).consistentRead(true))
        .item();
  }

  private static Map<String, AttributeValue> attributesOfKey(JsonNode key) {
    return Map.of(
        "_table_item_id", AttributeValue.fromS(key.get("_table_item_id").asText()),
        "_table_content_id", AttributeValue.fromS(key.get("_table_content_id").asText()));
  }

  static void delete(TestTable table, JsonNode key) {
    table.client().deleteItem(b -> b.tableName(table.name()).key(attributesOfKey(key)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("writeVectors")
  void storesWhatThePythonLibraryStores(
      String name, JsonNode vector, Driver driver, TestTable table) {
    Class<?> model = PythonVectorModels.itemModel(name);
    write(driver, model, table, vector);

    assertSameItem(
        stored(table, vector.get("key")),
        vector.get("stored_item"),
        PythonVectors.setFields(vector.get("model")));
  }

  private static <T> void write(Driver driver, Class<T> model, TestTable table, JsonNode vector) {
    delete(table, vector.get("key"));
    VectorRepository.of(driver, model, table, StorageFormat.PYTHON).put(content(vector, model));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("storedVectors")
  void readsWhatThePythonLibraryStored(
      String name, JsonNode vector, Driver driver, TestTable table) {
    read(driver, PythonVectorModels.itemModel(name), table, vector, StorageFormat.PYTHON);
  }

  /** Stores the vector's item as the Python library did and reads it through a repository. */
  static <T> void read(
      Driver driver, Class<T> model, TestTable table, JsonNode vector, StorageFormat format) {
    table
        .client()
        .putItem(
            b -> b.tableName(table.name()).item(PythonVectors.storable(vector.get("stored_item"))));
    VectorRepository<T> repository = VectorRepository.of(driver, model, table, format);

    PartitionedContent<T> read =
        repository
            .get(strings(vector.get("partition_ids")), strings(vector.get("content_ids")))
            .orElseThrow();

    T expected = PythonVectors.input(vector.get("input"), model);
    assertThat(read.item())
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(expected);
    assertThat(read.currentVersion()).isEqualTo(vector.get("current_version").asLong());
    Instant expiry = PythonVectors.expiry(vector.get("expiry"));
    // _ttl holds whole seconds, as Python's int(expiry.timestamp()) makes them
    assertThat(read.expiry())
        .isEqualTo(
            expiry == null ? null : expiry.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    JsonNode back = vector.get("read_back");
    if (back.has("partition_ids")) {
      // As the Python library reads them (split on every '#'), except that a key with no ids
      // reads back as [] where the Python library reads [""].
      assertThat(read.partitionIds()).isEqualTo(pythonIds(back.get("partition_ids")));
      assertThat(read.contentIds()).isEqualTo(pythonIds(back.get("content_ids")));
      assertThat(read.expiry()).isEqualTo(PythonVectors.expiry(back.get("expiry")));
    }
  }

  static List<String> pythonIds(JsonNode ids) {
    List<String> list = strings(ids);
    return list.equals(List.of("")) ? List.of() : list;
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void idsHoldingTheSeparatorAreRefusedAndTheirSplitFormStoresThePythonItem(
      Driver driver, TestTable table) {
    JsonNode vector = PythonVectors.item(HASH_IDS);
    delete(table, vector.get("key"));
    VectorRepository<PythonVectorModels.V> repository =
        VectorRepository.of(driver, PythonVectorModels.V.class, table, StorageFormat.PYTHON);

    // ["p#1", "50%"] would read back as ["p", "1", "50%"]: raw joining cannot keep them apart.
    assertThatThrownBy(() -> repository.put(content(vector, PythonVectorModels.V.class)))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("'p#1'")
        .hasMessageContaining("StorageFormat.STANDARD");
    assertThat(stored(table, vector.get("key"))).isEmpty();

    // The ids as they read back make the same key: the Python library's item exactly.
    JsonNode back = vector.get("read_back");
    repository.put(
        PartitionedContent.of(
            strings(back.get("partition_ids")),
            strings(back.get("content_ids")),
            new PythonVectorModels.V("x")));
    assertSameItem(stored(table, vector.get("key")), vector.get("stored_item"), Set.of());
    // …and the ids the Python library wrote find it.
    assertThat(
            repository.get(
                strings(vector.get("partition_ids")), strings(vector.get("content_ids"))))
        .isPresent();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aLoneEmptyIdIsRefusedAsItMakesTheKeyOfNoIds(Driver driver, TestTable table) {
    VectorRepository<PythonVectorModels.V> repository =
        VectorRepository.of(driver, PythonVectorModels.V.class, table, StorageFormat.PYTHON);
    assertThatThrownBy(
            () ->
                repository.put(
                    PartitionedContent.of(
                        List.of("ids"), List.of(""), new PythonVectorModels.V("x"))))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("[\"\"]");
    assertThatThrownBy(
            () ->
                repository.update(
                    List.of("a#b"),
                    List.of("c"),
                    UpdateCommand.builder().set("v", "y").requireExists(false).build()))
        .isInstanceOf(InvalidKeyException.class);
  }

  /** The items this library stores where the Python library fails, as its model reads them. */
  static Stream<Arguments> betterThanPython() {
    Map<String, Map<String, AttributeValue>> expected =
        Map.of(
            "float", Map.of("ratio", AttributeValue.fromN("1.5")),
            "float_integral", Map.of("ratio", AttributeValue.fromN("2.0")),
            "uuid", Map.of("uid", AttributeValue.fromS("12345678-1234-5678-1234-567812345678")),
            "list_of_lists_of_datetimes",
                Map.of(
                    "grid",
                    AttributeValue.fromL(
                        List.of(
                            AttributeValue.fromL(
                                List.of(AttributeValue.fromS("2023-01-01T00:00:00+00:00")))))),
            "dict_int_keys",
                Map.of(
                    "by_id",
                    AttributeValue.fromM(
                        Map.of(
                            "1", AttributeValue.fromS("one"), "2", AttributeValue.fromS("two")))),
            // An empty list, which the Python library reads back as an empty set.
            "empty_set", Map.of("s", AttributeValue.fromL(List.of())));
    return expected.entrySet().stream()
        .flatMap(
            e -> Stream.of(Driver.values()).map(d -> Arguments.of(e.getKey(), e.getValue(), d)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("betterThanPython")
  void storesWhatPythonCannotWriteInTheFormPythonReads(
      String name, Map<String, AttributeValue> attributes, Driver driver, TestTable table) {
    JsonNode vector = PythonVectors.item(name);
    assertThat(vector.get("result").asText()).isEqualTo("error");
    Class<?> model = PythonVectorModels.itemModel(name);
    write(driver, model, table, vector);

    Map<String, AttributeValue> stored = stored(table, vector.get("key"));
    attributes.forEach(
        (attribute, value) ->
            assertThat(PythonVectors.comparable(stored.get(attribute), false))
                .as(attribute)
                .isEqualTo(PythonVectors.comparable(value, false)));
    assertThat(stored.keySet())
        .containsExactlyInAnyOrder(
            "_table_item_id",
            "_table_content_id",
            "_object_version",
            "_timestamp",
            attributes.keySet().iterator().next());
    readBack(driver, model, table, vector);
  }

  private static <T> void readBack(Driver driver, Class<T> model, TestTable table, JsonNode v) {
    VectorRepository<T> repository =
        VectorRepository.of(driver, model, table, StorageFormat.PYTHON);
    assertThat(repository.get(strings(v.get("partition_ids")), strings(v.get("content_ids"))))
        .get()
        .extracting(PartitionedContent::item)
        .usingRecursiveComparison()
        .isEqualTo(PythonVectors.input(v.get("input"), model));
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aNumberOfMoreThan38DigitsIsRefusedAsByPython(Driver driver, TestTable table) {
    JsonNode vector = PythonVectors.item("int_too_many_digits");
    delete(table, vector.get("key"));
    VectorRepository<PythonVectorModels.Huge> repository =
        VectorRepository.of(driver, PythonVectorModels.Huge.class, table, StorageFormat.PYTHON);

    assertThatThrownBy(() -> repository.put(content(vector, PythonVectorModels.Huge.class)))
        .isInstanceOf(InvalidItemException.class)
        .hasMessageContaining("huge")
        .hasMessageContaining("38");
    assertThat(stored(table, vector.get("key"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void putBatchStoresWhatThePythonLibrarysBatchWriterSends(Driver driver, TestTable table) {
    JsonNode operation =
        PythonVectors.stream(PythonVectors.file("expressions.json").get("operations"))
            .filter(o -> o.get("name").asText().equals("put_batch"))
            .findFirst()
            .orElseThrow();
    List<JsonNode> sent =
        PythonVectors.stream(
                operation.get("wire_requests").get(0).get("body").get("RequestItems").get("compat"))
            .map(r -> r.get("PutRequest").get("Item"))
            .toList();
    Instant at = Instant.parse("2023-03-01T00:00:00Z");
    VectorRepository.of(driver, Event.class, table, StorageFormat.PYTHON)
        .putBatch(
            List.of(
                PartitionedContent.of(List.of("batch"), List.of("b1"), new Event("b1", at, null)),
                PartitionedContent.of(List.of("batch"), List.of("b2"), new Event("b2", at, null))
                    .withExpiry(Instant.ofEpochSecond(1_893_456_000L))));

    for (JsonNode item : sent) {
      Map<String, AttributeValue> key = attributes(item);
      assertSameItem(stored(table, PythonVectors.JSON.valueToTree(plainKey(key))), item, Set.of());
    }
  }

  private static Map<String, String> plainKey(Map<String, AttributeValue> item) {
    return Map.of(
        "_table_item_id", item.get("_table_item_id").s(),
        "_table_content_id", item.get("_table_content_id").s());
  }

  @Test
  void everyTimestampIsInPythonsForm(TestTable table) {
    JsonNode timestamps = PythonVectors.file("items.json").get("timestamp");
    assertThat(PythonVectors.TIMESTAMP.pattern()).isEqualTo(timestamps.get("regex").asText());
    timestamps
        .get("examples")
        .forEach(e -> assertThat(e.asText()).matches(PythonVectors.TIMESTAMP));
    VectorRepository<PythonVectorModels.V> repository =
        VectorRepository.of(Driver.SYNC, PythonVectorModels.V.class, table, StorageFormat.PYTHON);
    for (int i = 0; i < 20; i++) {
      repository.put(
          PartitionedContent.of(List.of("t"), List.of("t" + i), new PythonVectorModels.V("x")));
    }
    assertThat(table.scanAll())
        .filteredOn(item -> item.get("_table_item_id").s().equals("test#compat#t"))
        .hasSize(20)
        .allSatisfy(
            item -> assertThat(item.get("_timestamp").s()).matches(PythonVectors.TIMESTAMP));
  }
}
