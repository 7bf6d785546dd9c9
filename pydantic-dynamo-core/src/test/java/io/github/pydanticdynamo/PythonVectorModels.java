package io.github.pydanticdynamo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Java models of the Python vectors' models (src/test/resources/python-vectors), field for
 * field: {@code str} is String, {@code int} a whole number, {@code Decimal} BigDecimal, an aware
 * {@code datetime} Instant (UTC) or OffsetDateTime (its offset kept), a naive one LocalDateTime,
 * {@code time} LocalTime or OffsetTime, a Python Enum a Java enum with {@code @JsonValue} (Python
 * stores an Enum's value, Jackson a constant's name unless told).
 */
final class PythonVectorModels {
  private PythonVectorModels() {}

  /** A {@code class Color(str, Enum)}: stored as its value. */
  enum Color {
    RED("red"),
    GREEN("green");

    private final String value;

    Color(String value) {
      this.value = value;
    }

    @JsonValue
    String value() {
      return value;
    }
  }

  /** A {@code class Level(Enum)} with int values: stored as a number. */
  enum Level {
    LOW(1),
    HIGH(2);

    private final int value;

    Level(int value) {
      this.value = value;
    }

    @JsonValue
    int value() {
      return value;
    }
  }

  record Nested(String name, long count, @Nullable String note) {}

  record Outer(String label, Nested inner, OffsetDateTime at) {}

  record Strings(String plain, String unicode, String empty, String with_hash_pct) {}

  record Ints(long zero, long negative, long big_2_53_plus_1, BigInteger ten_pow_30) {}

  record Huge(BigInteger huge) {}

  record Ratio(double ratio) {}

  record Decimals(
      BigDecimal price, BigDecimal neg, BigDecimal tiny, BigDecimal big, BigDecimal zero_scale) {}

  record Bools(boolean yes, boolean no) {}

  record OptionalNone(
      @Nullable String maybe_str,
      @Nullable Long maybe_int,
      @Nullable Nested maybe_nested,
      @Nullable List<String> maybe_list,
      @Nullable String present) {}

  record Lists(
      List<String> strs,
      List<Long> ints,
      List<List<Long>> nested_ints,
      List<@Nullable Object> mixed_any,
      List<@Nullable String> list_of_optional) {}

  record Grid(List<List<OffsetDateTime>> grid) {}

  /**
   * {@code when} mixes an aware and a naive datetime in one list; Java has no type that holds both,
   * so the list is of their texts.
   */
  record DatetimesAndEnums(List<String> when, List<Color> colors, List<Level> levels) {}

  record Dicts(
      Map<String, Long> scores,
      Map<String, @Nullable Object> any_map,
      Map<String, Map<String, String>> nested_map) {}

  record DictDatetimes(Map<String, OffsetDateTime> stamps, Map<String, Level> levels) {}

  record DictIntKeys(Map<Integer, String> by_id) {}

  record NestedModels(
      Outer outer, List<Nested> list_of_nested, Map<String, Nested> map_of_nested) {}

  record Sets(Set<String> str_set, Set<Long> int_set, Set<String> one_str) {}

  record EmptyList(List<String> things) {}

  record EmptyDict(Map<String, Long> m) {}

  record EmptySet(Set<String> s) {}

  record Datetimes(
      Instant utc,
      OffsetDateTime plus_two,
      LocalDateTime naive,
      Instant utc_micro_0,
      Instant utc_micro_500000,
      OffsetDateTime utc_micro_123456,
      LocalDateTime naive_micro_1) {}

  record DatesTimes(
      LocalDate day, LocalTime t, LocalTime t_micro, LocalTime t_micro_500000, OffsetTime t_tz) {}

  record Enums(Color color, Level level, @Nullable Color maybe_color) {}

  record Bytes(byte[] blob) {}

  record Uid(UUID uid) {}

  record V(String v) {}

  /** The model of the query vectors' items. */
  record Event(String id, Instant at, @Nullable String note) {}

  record Address(String street, long zip_code, @Nullable String note) {}

  /** The model of the update vectors. */
  record Doc(
      String id,
      long count,
      long counter,
      boolean active,
      BigDecimal price,
      List<String> tags,
      Set<String> labels,
      Map<String, Long> scores,
      Address address,
      @Nullable Address maybe_address,
      List<String> events,
      LocalDate day,
      OffsetDateTime at,
      Color color,
      @Nullable String maybe,
      Map<String, Object> meta) {}

  private static final Map<String, Class<?>> ITEM_MODELS =
      Map.ofEntries(
          Map.entry("strings", Strings.class),
          Map.entry("ints", Ints.class),
          Map.entry("int_too_many_digits", Huge.class),
          Map.entry("float", Ratio.class),
          Map.entry("float_integral", Ratio.class),
          Map.entry("decimals", Decimals.class),
          Map.entry("bools", Bools.class),
          Map.entry("optional_none", OptionalNone.class),
          Map.entry("lists", Lists.class),
          Map.entry("list_of_lists_of_datetimes", Grid.class),
          Map.entry("list_of_datetimes_and_enums", DatetimesAndEnums.class),
          Map.entry("dicts", Dicts.class),
          Map.entry("dict_with_datetime_values", DictDatetimes.class),
          Map.entry("dict_int_keys", DictIntKeys.class),
          Map.entry("nested_models", NestedModels.class),
          Map.entry("sets", Sets.class),
          Map.entry("empty_list", EmptyList.class),
          Map.entry("empty_dict", EmptyDict.class),
          Map.entry("empty_set", EmptySet.class),
          Map.entry("datetimes", Datetimes.class),
          Map.entry("dates_times", DatesTimes.class),
          Map.entry("enums", Enums.class),
          Map.entry("bytes", Bytes.class),
          Map.entry("uuid", Uid.class));

  /** The Java model of an items.json vector. */
  static Class<?> itemModel(String vector) {
    return ITEM_MODELS.getOrDefault(vector, V.class);
  }
}
