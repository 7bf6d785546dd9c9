package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What pydantic-dynamo 0.4.2 stores and sends, read from src/test/resources/python-vectors (copied
 * from the vectors the real library produced; see the README there), and the comparisons the vector
 * tests make: numbers as numbers, lists holding sets in any order, {@code _timestamp} by its form.
 */
final class PythonVectors {
  static final ObjectMapper JSON = ItemMapper.defaultObjectMapper();

  /** The form of every {@code _timestamp} the Python library writes. */
  static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00$");

  private static final Map<String, JsonNode> FILES = new HashMap<>();

  private PythonVectors() {}

  static synchronized JsonNode file(String name) {
    return FILES.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = PythonVectors.class.getResourceAsStream("/python-vectors/" + n)) {
            return JSON.readTree(Objects.requireNonNull(in, n));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static Stream<JsonNode> items() {
    return stream(file("items.json").get("vectors"));
  }

  static Stream<JsonNode> updates() {
    return stream(file("updates.json").get("vectors"));
  }

  static JsonNode item(String name) {
    return items().filter(v -> v.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  static List<String> strings(JsonNode array) {
    return stream(array).map(JsonNode::asText).toList();
  }

  static boolean ok(JsonNode vector) {
    return "ok".equals(vector.path("result").asText());
  }

  /** A vector's {@code input} as Java values of {@code model}. */
  static <T> T input(JsonNode input, Class<T> model) {
    try {
      return JSON.treeToValue(plain(input), model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input's markers ($decimal, $set, $bytes_b64, $uuid) as plain JSON Jackson reads. */
  static JsonNode plain(JsonNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    if (node.isObject()) {
      if (node.has("$decimal")) {
        return nodes.numberNode(new BigDecimal(node.get("$decimal").asText()));
      }
      if (node.has("$set")) {
        return plain(node.get("$set"));
      }
      if (node.has("$bytes_b64")) {
        return nodes.textNode(node.get("$bytes_b64").asText());
      }
      if (node.has("$uuid")) {
        return nodes.textNode(node.get("$uuid").asText());
      }
      ObjectNode object = nodes.objectNode();
      node.fields().forEachRemaining(e -> object.set(e.getKey(), plain(e.getValue())));
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = nodes.arrayNode();
      node.forEach(e -> array.add(plain(e)));
      return array;
    }
    return node;
  }

  /** A plain JSON value as the Java value a command passes: BigDecimal, Set, List, Map… */
  static @Nullable Object commandValue(JsonNode node) {
    if (node.isObject() && node.has("$set")) {
      Set<Object> set = new LinkedHashSet<>();
      node.get("$set").forEach(e -> set.add(commandValue(e)));
      return set;
    }
    if (node.isObject() && node.has("$decimal")) {
      return new BigDecimal(node.get("$decimal").asText());
    }
    if (node.isObject()) {
      Map<String, @Nullable Object> map = new java.util.LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), commandValue(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      node.forEach(e -> list.add(commandValue(e)));
      return list;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /** An expiry as the Python library takes it: a naive one is UTC (the vectors ran with TZ=UTC). */
  static @Nullable Instant expiry(JsonNode expiry) {
    if (expiry == null || expiry.isNull()) {
      return null;
    }
    String text = expiry.asText();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException naive) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  /** DynamoDB JSON ({@code {"S": "x"}}) as an attribute value. */
  static AttributeValue attribute(JsonNode json) {
    Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
    Map.Entry<String, JsonNode> only = fields.next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "B" ->
          AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
      case "SS" -> AttributeValue.fromSs(strings(v));
      case "NS" -> AttributeValue.fromNs(strings(v));
      case "L" -> AttributeValue.fromL(stream(v).map(PythonVectors::attribute).toList());
      case "M" -> AttributeValue.fromM(attributes(v));
      default -> throw new IllegalArgumentException("unknown attribute type " + only.getKey());
    };
  }

  /** A DynamoDB JSON item as attribute values. */
  static Map<String, AttributeValue> attributes(JsonNode item) {
    Map<String, AttributeValue> map = new HashMap<>();
    item.fields().forEachRemaining(e -> map.put(e.getKey(), attribute(e.getValue())));
    return map;
  }

  /** A stored vector item, its {@code _timestamp} placeholder replaced by a real example. */
  static Map<String, AttributeValue> storable(JsonNode item) {
    Map<String, AttributeValue> map = attributes(item);
    if (map.containsKey("_timestamp")) {
      String example = file("items.json").get("timestamp").get("examples").get(0).asText();
      map.put("_timestamp", AttributeValue.fromS(example));
    }
    return map;
  }

  /**
   * Asserts that a stored item is the vector's: the same attributes and types, numbers equal as
   * numbers, lists named in {@code unordered} (sets) equal in any order, and {@code _timestamp} in
   * Python's form. A {@code _write_id} (which the Java library adds on updates and conditional
   * writes, for exact outcomes after a lost response; the Python library never writes it and
   * ignores it on reads like any attribute its model does not declare) is checked for its form and
   * otherwise left out.
   */
  static void assertSameItem(
      Map<String, AttributeValue> actual, JsonNode expected, Set<String> unordered) {
    assertThat(actual.get("_timestamp"))
        .as("_timestamp")
        .satisfies(t -> assertThat(t.s()).matches(TIMESTAMP));
    Map<String, AttributeValue> expectedItem = attributes(expected);
    expectedItem.remove("_timestamp");
    Map<String, AttributeValue> actualItem = new HashMap<>(actual);
    actualItem.remove("_timestamp");
    AttributeValue writeId = actualItem.remove("_write_id");
    if (writeId != null) {
      assertThat(writeId.s()).as("_write_id").matches("[cru][A-Za-z0-9_-]{22}");
    }
    assertThat(comparable(actualItem, unordered))
        .as("stored item")
        .isEqualTo(comparable(expectedItem, unordered));
  }

  /** An item as plain values: N as stripped BigDecimal text, sets' lists sorted. */
  static Map<String, Object> comparable(Map<String, AttributeValue> item, Set<String> unordered) {
    Map<String, Object> out = new TreeMap<>();
    item.forEach((k, v) -> out.put(k, comparable(v, unordered.contains(k))));
    return out;
  }

  static Object comparable(AttributeValue value, boolean unordered) {
    return switch (value.type()) {
      case S -> "S:" + value.s();
      case N -> "N:" + number(value.n());
      case BOOL -> "BOOL:" + value.bool();
      case NUL -> "NULL";
      case B -> "B:" + Base64.getEncoder().encodeToString(value.b().asByteArray());
      case L -> {
        List<Object> list = new ArrayList<>();
        value.l().forEach(e -> list.add(comparable(e, false)));
        if (unordered) {
          list.sort(java.util.Comparator.comparing(Object::toString));
        }
        yield List.of("L", list);
      }
      case M -> List.of("M", comparable(value.m(), Set.of()));
      case SS -> List.of("SS", value.ss().stream().sorted().toList());
      case NS -> List.of("NS", value.ns().stream().map(PythonVectors::number).sorted().toList());
      default -> value.toString();
    };
  }

  static String number(String n) {
    BigDecimal d = new BigDecimal(n);
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /** The top-level fields a vector's model declares as sets (stored as lists in any order). */
  static Set<String> setFields(JsonNode model) {
    Set<String> sets = new java.util.HashSet<>();
    model
        .get("fields")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().asText().startsWith("Set[")) {
                sets.add(e.getKey());
              }
            });
    return sets;
  }
}
