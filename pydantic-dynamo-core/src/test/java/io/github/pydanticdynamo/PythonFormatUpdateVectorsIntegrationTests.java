package io.github.pydanticdynamo;

import static io.github.pydanticdynamo.PythonVectors.assertSameItem;
import static io.github.pydanticdynamo.PythonVectors.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pydanticdynamo.PythonVectorModels.Address;
import io.github.pydanticdynamo.PythonVectorModels.Doc;
import io.github.pydanticdynamo.VectorRepository.Driver;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * In the Python storage format the Java command equivalent to each of pydantic-dynamo 0.4.2's
 * update vectors (updates.json) leaves the item the Python library left, sync and async; the put of
 * each vector's starting item stores the Python library's item too. Where the Python library fails
 * (a nested SET into a NULL or missing map, an empty dict) this library does better, as asserted.
 */
@DynamoDbTest(tablePerClass = true)
class PythonFormatUpdateVectorsIntegrationTests {
  private static final Set<String> SETS = Set.of("labels");

  static Stream<Arguments> vectors(boolean ok) {
    return PythonVectors.updates()
        .filter(v -> PythonVectors.ok(v) == ok)
        .flatMap(
            v -> Stream.of(Driver.values()).map(d -> Arguments.of(v.get("name").asText(), v, d)));
  }

  static Stream<Arguments> updates() {
    return vectors(true);
  }

  static Stream<Arguments> failures() {
    return vectors(false);
  }

  private static Doc initial(String name) {
    ObjectNode input = PythonVectors.file("updates.json").get("initial_input_template").deepCopy();
    input.remove("note");
    input.put("id", name);
    return PythonVectors.input(input, Doc.class);
  }

  /** The Java command for a vector: a dict in set_commands is a merge (one level), as in Python. */
  static UpdateCommand command(String name, JsonNode vector) {
    JsonNode python = vector.get("command");
    UpdateCommand.Builder command = UpdateCommand.builder();
    python
        .path("set_commands")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue();
              boolean dict = value.isObject() && !value.has("$set") && !value.has("$decimal");
              if (dict && name.equals("set_whole_model")) {
                // The Python command holds an Address model here, which replaces the attribute.
                command.set(e.getKey(), PythonVectors.input(value, Address.class));
              } else if (dict) {
                @SuppressWarnings("unchecked")
                Map<String, ?> entries = (Map<String, ?>) PythonVectors.commandValue(value);
                command.merge(e.getKey(), entries);
              } else {
                command.set(e.getKey(), PythonVectors.commandValue(value));
              }
            });
    python
        .path("increment_attrs")
        .fields()
        .forEachRemaining(e -> command.increment(e.getKey(), e.getValue().asLong()));
    python
        .path("append_attrs")
        .fields()
        .forEachRemaining(e -> command.append(e.getKey(), appended(e.getValue())));
    long version = python.path("current_version").asLong(0);
    if (version != 0) { // None and 0 send no condition in Python either
      command.currentVersion(version);
    }
    if (python.hasNonNull("expiry")) {
      command.expiry(PythonVectors.expiry(python.get("expiry")));
    }
    return command.requireExists(vector.get("require_exists").asBoolean(true)).build();
  }

  @SuppressWarnings("unchecked")
  private static @Nullable List<?> appended(JsonNode values) {
    return (List<?>) PythonVectors.commandValue(values);
  }

  private static Map<String, AttributeValue> stored(TestTable table, JsonNode vector) {
    return PythonFormatItemVectorsIntegrationTests.stored(table, vector.get("key"));
  }

  /** Deletes the vector's item and puts its starting item, checked against the Python one. */
  private static VectorRepository<Doc> start(Driver driver, TestTable table, JsonNode vector) {
    PythonFormatItemVectorsIntegrationTests.delete(table, vector.get("key"));
    VectorRepository<Doc> repository =
        VectorRepository.of(driver, Doc.class, table, StorageFormat.PYTHON);
    JsonNode before = vector.get("stored_before");
    if (before != null && !before.isNull()) {
      String name = vector.get("name").asText();
      repository.put(
          PartitionedContent.of(
              ids(vector, "partition_ids"), ids(vector, "content_ids"), initial(name)));
      assertSameItem(stored(table, vector), before, SETS);
    }
    return repository;
  }

  private static List<String> ids(JsonNode vector, String which) {
    return strings(vector.get(which));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("updates")
  void theJavaCommandLeavesThePythonItem(
      String name, JsonNode vector, Driver driver, TestTable table) {
    VectorRepository<Doc> repository = start(driver, table, vector);
    List<String> partitionIds = ids(vector, "partition_ids");
    List<String> contentIds = ids(vector, "content_ids");

    if (name.equals("put_over_existing")) {
      repository.update(partitionIds, contentIds, UpdateCommand.builder().set("count", 99).build());
      repository.put(PartitionedContent.of(partitionIds, contentIds, initial(name)));
      assertThat(stored(table, vector).get("_object_version").n()).isEqualTo("1");
      assertSameItem(stored(table, vector), vector.get("stored_after"), SETS);
      return;
    }
    PartitionedContent<Doc> updated =
        repository.update(partitionIds, contentIds, command(name, vector));

    assertSameItem(stored(table, vector), vector.get("stored_after"), SETS);
    assertThat(updated.currentVersion()).isEqualTo(vector.get("version_after").asLong());
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("failures")
  void whereThePythonCommandFailsTheJavaOneFailsFirstOrDoesBetter(
      String name, JsonNode vector, Driver driver, TestTable table) {
    VectorRepository<Doc> repository = start(driver, table, vector);
    List<String> partitionIds = ids(vector, "partition_ids");
    List<String> contentIds = ids(vector, "content_ids");
    Map<String, AttributeValue> before = stored(table, vector);

    switch (name) {
      case "version_mismatch" -> {
        assertThatThrownBy(() -> repository.update(partitionIds, contentIds, command(name, vector)))
            .isInstanceOf(VersionConflictException.class);
        assertThat(stored(table, vector)).isEqualTo(before);
      }
      case "require_exists_missing_item" -> {
        assertThatThrownBy(() -> repository.update(partitionIds, contentIds, command(name, vector)))
            .isInstanceOf(ItemNotFoundException.class);
        assertThat(stored(table, vector)).isEmpty();
      }
      case "set_unknown_field",
          "increment_non_int",
          "version_in_set_commands",
          "set_empty_dict",
          "append_none" -> {
        // Checked against the model before anything is sent (Python sends the last two).
        assertThatThrownBy(() -> repository.update(partitionIds, contentIds, command(name, vector)))
            .isInstanceOf(InvalidCommandException.class);
        assertThat(stored(table, vector)).isEqualTo(before);
      }
      case "set_nested_into_null_parent" -> {
        // A merge into a NULL map creates it (the Python library's request is rejected).
        repository.update(partitionIds, contentIds, command(name, vector));
        assertThat(stored(table, vector).get("maybe_address"))
            .isEqualTo(AttributeValue.fromM(Map.of("street", AttributeValue.fromS("x"))));
      }
      case "upsert_missing_item" -> {
        // requireExists(false) creates the item, and the merged map with it.
        PartitionedContent<Doc> created =
            repository.update(partitionIds, contentIds, command(name, vector));
        Map<String, AttributeValue> stored = stored(table, vector);
        assertThat(created.currentVersion()).isEqualTo(1);
        assertThat(stored.get("address"))
            .isEqualTo(AttributeValue.fromM(Map.of("street", AttributeValue.fromS("s"))));
        assertThat(stored.get("count")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(stored.get("counter")).isEqualTo(AttributeValue.fromN("1"));
      }
      default -> throw new AssertionError("an update vector no test covers: " + name);
    }
  }
}
