package io.github.pydanticdynamo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.pydanticdynamo.StorageFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The compiled record plan against the Jackson path, its reference: for thousands of random records
 * and thousands of damaged items, both paths write the same attributes and read the same records
 * (or fail the same way, because the plan then hands over to Jackson).
 */
class RecordPlanTests {

  private static final Set<String> RESERVED =
      Set.of("_timestamp", "_object_version", "_ttl", "_table_item_id", "_table_content_id");

  enum Mood {
    HAPPY,
    SAD,
    QUITE_ANGRY
  }

  record Inner(String name, @Nullable Integer level, @Nullable List<String> notes) {}

  record Everything(
      @Nullable String s,
      boolean b,
      @Nullable Boolean bb,
      int i,
      @Nullable Integer ii,
      long l,
      @Nullable Long ll,
      short sh,
      byte by,
      double d,
      @Nullable Double dd,
      float f,
      @Nullable BigInteger bi,
      @Nullable BigDecimal bd,
      @Nullable UUID id,
      @Nullable Instant at,
      @Nullable LocalDate day,
      @Nullable Mood mood,
      @Nullable Inner inner,
      @Nullable List<Inner> inners,
      @Nullable List<Integer> nums,
      @Nullable Collection<String> coll,
      Set<String> tags,
      Set<Integer> numbers,
      Set<Mood> moods,
      LinkedHashSet<UUID> ids,
      @Nullable Map<String, Double> scores,
      @Nullable Map<String, List<String>> lists,
      @Nullable Map<String, Set<String>> setMap,
      @Nullable List<Set<Long>> setList,
      @Nullable HashMap<String, Inner> innerMap) {}

  record Tree(String name, @Nullable List<Tree> children) {}

  record Small(String id, String name, int rank, long views, boolean active) {}

  // ---- which models get a plan ----

  @Test
  void plainRecordsGetAPlan() {
    assertThat(mapper(Everything.class).noPlanReason()).isNull();
    assertThat(mapper(Tree.class).noPlanReason()).isNull();
    assertThat(mapper(Small.class).noPlanReason()).isNull();
    assertThat(mapper(Small.class).plan()).isNotNull();
  }

  record Renamed(@JsonProperty("full_name") String name) {}

  record Ignoring(String name, @JsonIgnore @Nullable String secret) {}

  record WithOptional(String name, Optional<String> nickname) {}

  record WithDateTime(String name, LocalDateTime at) {}

  record WithExtraGetter(String first, String last) {
    public String getFull() {
      return first + " " + last;
    }
  }

  record Nested(String name, Renamed renamed) {}

  /** A bean: mapped through Jackson only. */
  public static final class Bean {
    private String name = "";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  @Test
  void modelsJacksonCustomisesOrThePlanDoesNotCoverKeepTheJacksonPath() {
    assertThat(mapper(Renamed.class).noPlanReason()).contains("@JsonProperty");
    assertThat(mapper(Ignoring.class).noPlanReason()).contains("@JsonIgnore");
    assertThat(mapper(WithOptional.class).noPlanReason()).contains("nickname: Optional");
    assertThat(mapper(WithDateTime.class).noPlanReason()).contains("at: LocalDateTime");
    assertThat(mapper(WithExtraGetter.class).noPlanReason()).contains("record components");
    assertThat(mapper(Nested.class).noPlanReason()).contains("renamed").contains("@JsonProperty");
    assertThat(mapper(Bean.class).noPlanReason()).contains("not a record");
  }

  @Test
  void customisedMappersKeepTheJacksonPath() {
    assertThat(mapper(Small.class, new ObjectMapper().addMixIn(Small.class, Object.class)))
        .extracting(ItemMapper::noPlanReason)
        .asString()
        .contains("mix-ins");
    assertThat(
            mapper(
                    Small.class,
                    new ObjectMapper()
                        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .noPlanReason())
        .contains("naming strategy");
    SimpleModule shouting = new SimpleModule("shouting");
    shouting.addSerializer(
        String.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toUpperCase(java.util.Locale.ROOT));
          }
        });
    ItemMapper<Small> custom = mapper(Small.class, new ObjectMapper().registerModule(shouting));
    assertThat(custom.noPlanReason()).contains("custom serializer");
    assertThat(custom.toAttributes(new Small("a", "b", 1, 2, true)).get("name").s()).isEqualTo("B");
    ObjectMapper timestamps = new ObjectMapper();
    timestamps.configOverride(Instant.class);
    assertThat(mapper(Everything.class, timestamps).noPlanReason()).contains("config override");
  }

  @Test
  void enumsFollowTheMappersEnumSettings() {
    ObjectMapper toString =
        new ObjectMapper().enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
    ItemMapper<Everything> mapper = mapper(Everything.class, toString);
    assertThat(mapper.noPlanReason()).isNull();
    compareBothWays(mapper, new Random(7), 200, true);
    ObjectMapper index = new ObjectMapper().enable(SerializationFeature.WRITE_ENUMS_USING_INDEX);
    assertThat(mapper(Everything.class, index).noPlanReason()).contains("enum");
  }

  @Test
  void strictCreatorSettingsStillReadTheSame() {
    ObjectMapper strict =
        new ObjectMapper()
            .enable(
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    ItemMapper<Everything> mapper = mapper(Everything.class, strict);
    assertThat(mapper.noPlanReason()).isNull();
    // Jackson rejects items with an absent property here, so the plan hands those over.
    compareBothWays(mapper, new Random(11), 300, false);
  }

  // ---- the plan against Jackson ----

  @Test
  void writesAndReadsExactlyWhatJacksonDoesForRandomRecords() {
    ItemMapper<Everything> mapper = mapper(Everything.class);
    // The plan writes every record the Jackson path can write; the others hold NaN, out-of-range
    // numbers or null set elements, which the Jackson path rejects, naming them.
    int[] counts = compareBothWays(mapper, new Random(20261124), 3000, true);
    assertThat(counts[0]).isEqualTo(counts[1]).isGreaterThan(1500);
  }

  @Test
  void inThePythonFormatWritesAndReadsExactlyWhatJacksonDoes() {
    ItemMapper<Everything> mapper =
        ItemMapper.create(Everything.class, null, RESERVED, StorageFormat.PYTHON);
    int[] counts = compareBothWays(mapper, new Random(19), 2000, false);
    assertThat(counts[0]).isEqualTo(counts[1]).isGreaterThan(1000);
    Everything item = everything(new Random(5));
    Map<String, AttributeValue> written = plan(mapper).write(item);
    assertThat(written).isNotNull().containsKeys("tags", "numbers", "moods", "ids", "setList");
    assertThat(written.values())
        .noneMatch(v -> v.type() == AttributeValue.Type.SS || v.type() == AttributeValue.Type.NS);
  }

  @Test
  void commandValuesAreWrittenAsTheJacksonPathWritesThem() {
    ItemMapper<Everything> planned = mapper(Everything.class);
    // A mix-in of an unrelated class leaves the mapping as it is but turns the plan off.
    ItemMapper<Everything> jackson =
        mapper(Everything.class, new ObjectMapper().addMixIn(Tree.class, Object.class));
    assertThat(jackson.plan()).isNull();
    Object[] values = {
      "text",
      "",
      5,
      -7L,
      3.5,
      -0.0,
      Double.NaN,
      1e300,
      2.5f,
      (short) 3,
      (byte) -1,
      true,
      new BigDecimal("1E+3"),
      new BigDecimal("1E+200"),
      BigInteger.TEN.pow(40),
      Mood.SAD,
      "SAD",
      UUID.randomUUID(),
      Instant.ofEpochSecond(1_700_000_000L, 5),
      "2024-01-02",
      LocalDate.of(2024, 1, 2),
      Integer.MAX_VALUE + 1L,
      12.0,
      "12",
      'c'
    };
    String[] paths = {
      "s",
      "b",
      "bb",
      "i",
      "ii",
      "l",
      "ll",
      "sh",
      "by",
      "d",
      "dd",
      "f",
      "bi",
      "bd",
      "id",
      "at",
      "day",
      "mood",
      "inner.name",
      "inner.level",
      "scores.x",
      "tags",
      "numbers",
      "moods"
    };
    int compared = 0;
    for (String dotted : paths) {
      AttributePath path = planned.schema().resolve(dotted);
      for (Object value : values) {
        Outcome expected = Outcome.of(() -> jackson.toAttributeValue(path, value));
        assertThat(Outcome.of(() -> planned.toAttributeValue(path, value)))
            .as("%s = %s", dotted, value)
            .isEqualTo(expected);
        if (path.kind() == AttributePath.Kind.SET) {
          Outcome element = Outcome.of(() -> jackson.toElementAttributeValue(path, value));
          assertThat(Outcome.of(() -> planned.toElementAttributeValue(path, value)))
              .as("%s element %s", dotted, value)
              .isEqualTo(element);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(paths.length * values.length);
  }

  @Test
  void datesAndInstantsParseAsTheJdkParsesThem() {
    Random r = new Random(3);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int[] nanos = {0, 5, 120_000_000, 123_456_000, 999_999_999, 1_000};
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              min + (long) (r.nextDouble() * (max - min)), nanos[r.nextInt(nanos.length)]);
      String text = instant.toString();
      assertThat(TextCodec.isoInstant(text)).as(text).isEqualTo(instant);
      LocalDate date = LocalDate.ofEpochDay(instant.getEpochSecond() / 86_400);
      assertThat(TextCodec.isoDate(date.toString())).isEqualTo(date);
    }
    String[] odd = {
      "2024-01-01T00:00:00.5Z",
      "2024-01-01T00:00:00.123456789Z",
      "2024-01-01T00:00:00.Z",
      "2024-01-01T00:00:00.1234567890Z",
      "2024-01-01T24:00:00Z",
      "2024-12-31T23:59:60Z",
      "2024-02-30T00:00:00Z",
      "2023-02-29T00:00:00Z",
      "2024-02-29T00:00:00Z",
      "2024-13-01T00:00:00Z",
      "2024-01-01T00:60:00Z",
      "2024-01-01t00:00:00Z",
      "2024-01-01T00:00:00+01:00",
      "+10000-01-01T00:00:00Z",
      "-0001-01-01T00:00:00Z",
      "2024-1-01T00:00:00Z",
      "2024-01-01T00:00:0aZ"
    };
    for (String text : odd) {
      Instant fast = TextCodec.isoInstant(text);
      Outcome jdk = Outcome.of(() -> Instant.parse(text));
      if (fast != null) {
        assertThat(jdk.value()).as(text).isEqualTo(fast);
      }
      LocalDate day = TextCodec.isoDate(text.substring(0, Math.min(10, text.length())));
      if (day != null) {
        assertThat(LocalDate.parse(text.substring(0, 10))).isEqualTo(day);
      }
    }
    assertThat(TextCodec.isoInstant("2024-12-31T23:59:60Z")).isNull(); // Instant.parse decides
    assertThat(TextCodec.isoDate("2024-02-30")).isNull();
  }

  @Test
  void theCheckBoundsTheStoredSizeAndAgreesWithTheWriteAtTheEdges() {
    ItemMapper<Everything> mapper = mapper(Everything.class);
    RecordPlan<Everything> plan = plan(mapper);
    assertThat(plan.shallow()).isTrue();
    Everything item = everything(new Random(3));
    Everything edges = edges(Instant.parse("2024-01-01T00:00:00.123456789Z"));
    for (Everything e : List.of(item, edges)) {
      assertThat(plan.check(e)).isGreaterThanOrEqualTo(itemSize(mapper.toAttributes(e)));
    }
    // An instant past year 9999 is left to the write, which writes it.
    Everything farFuture = edges(Instant.parse("+10000-01-01T00:00:00Z"));
    assertThat(plan.check(farFuture)).isEqualTo(-1);
    assertThat(mapper.toAttributes(farFuture)).containsKey("at");
    Everything nan = withDouble(item, Double.NaN);
    Everything huge = withDouble(item, 1e126);
    assertThat(plan.check(nan)).isEqualTo(-1);
    assertThat(plan.check(huge)).isEqualTo(-1);
    assertThatThrownBy(() -> mapper.toAttributes(nan)).isInstanceOf(UnstorableValueException.class);
  }

  @Test
  void recursiveModelsAreCheckedForDepthWithoutBuildingPaths() {
    ItemMapper<Tree> mapper = mapper(Tree.class);
    RecordPlan<Tree> plan = plan(mapper);
    assertThat(plan.shallow()).isFalse();
    Tree fits = chain(17); // a list and a map per tree below the top: 32 levels
    Tree tooDeep = chain(18);
    assertThat(plan.check(fits)).isGreaterThanOrEqualTo(itemSize(mapper.toAttributes(fits)));
    assertThat(plan.check(tooDeep)).isEqualTo(-1);
    assertThatThrownBy(() -> mapper.toAttributes(tooDeep))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageContaining("children[0].children[0]")
        .hasMessageContaining("nested more than 32 levels");
  }

  /** Texts of 1 to 4 UTF-8 bytes per character, edge numbers and every kind of empty set. */
  private static Everything edges(Instant at) {
    return new Everything(
        "\uD83D\uDE00é文a",
        false,
        null,
        Integer.MIN_VALUE,
        null,
        Long.MIN_VALUE,
        null,
        Short.MIN_VALUE,
        Byte.MIN_VALUE,
        -0.0,
        1e-130,
        Float.MAX_VALUE,
        new BigInteger("-99999999999999999999999999999999999999"),
        new BigDecimal(
            "-0.00000000000000000000000000000000000012345678901234567890123456789012345678"),
        null,
        at,
        LocalDate.MIN,
        Mood.QUITE_ANGRY,
        null,
        null,
        null,
        null,
        Set.of(),
        Set.of(),
        Set.of(),
        new LinkedHashSet<>(),
        null,
        null,
        Map.of("\uD83D\uDE00", Set.of()),
        List.of(Set.of()),
        null);
  }

  private static Tree chain(int levels) {
    Tree tree = new Tree("leaf", null);
    for (int i = 1; i < levels; i++) {
      tree = new Tree("level" + i, List.of(tree));
    }
    return tree;
  }

  private static Everything withDouble(Everything e, double d) {
    return new Everything(
        e.s(),
        e.b(),
        e.bb(),
        e.i(),
        e.ii(),
        e.l(),
        e.ll(),
        e.sh(),
        e.by(),
        d,
        e.dd(),
        e.f(),
        e.bi(),
        e.bd(),
        e.id(),
        e.at(),
        e.day(),
        e.mood(),
        e.inner(),
        e.inners(),
        e.nums(),
        e.coll(),
        e.tags(),
        e.numbers(),
        e.moods(),
        e.ids(),
        e.scores(),
        e.lists(),
        e.setMap(),
        e.setList(),
        e.innerMap());
  }

  private static long itemSize(Map<String, AttributeValue> attributes) {
    return io.github.pydanticdynamo.internal.item.AttributeSize.itemSize(attributes);
  }

  @Test
  void recursiveRecords() {
    ItemMapper<Tree> mapper = mapper(Tree.class);
    Tree tree =
        new Tree(
            "root", List.of(new Tree("a", null), new Tree("b", List.of(new Tree("c", List.of())))));
    RecordPlan<Tree> plan = plan(mapper);
    Map<String, AttributeValue> written = plan.write(tree);
    assertThat(written).isEqualTo(mapper.toAttributesThroughJackson(tree));
    assertThat(plan.read(written)).isEqualTo(tree);
  }

  /** Compares both paths on random records and on damaged copies of their items. */
  /** Returns how many records the plan wrote and how many the Jackson path could write. */
  private static int[] compareBothWays(
      ItemMapper<Everything> mapper, Random random, int count, boolean planReadsEveryItem) {
    RecordPlan<Everything> plan = plan(mapper);
    int planned = 0;
    int writable = 0;
    for (int n = 0; n < count; n++) {
      Everything item = everything(random);
      Outcome jackson = Outcome.of(() -> mapper.toAttributesThroughJackson(item));
      Map<String, AttributeValue> fast = plan.write(item);
      long checked = plan.check(item);
      if (fast != null) {
        planned++;
        assertThat(fast).as("write of %s", item).isEqualTo(jackson.value);
        // The check vouches for every record the plan writes, with a bound of its size.
        assertThat(checked).as("check of %s", item).isGreaterThanOrEqualTo(itemSize(fast));
      } else {
        assertThat(checked).as("check of %s, which the plan leaves to Jackson", item).isEqualTo(-1);
      }
      assertThat(Outcome.of(() -> mapper.toAttributes(item))).isEqualTo(jackson);
      if (jackson.value == null) {
        continue;
      }
      writable++;
      @SuppressWarnings("unchecked")
      Map<String, AttributeValue> attributes = (Map<String, AttributeValue>) jackson.value;
      attributes.put("_timestamp", AttributeValue.fromS("2026-11-24T00:00:00Z"));
      Everything read = plan.read(attributes);
      if (planReadsEveryItem) {
        assertThat(read).as("plan read of %s", attributes).isNotNull();
      }
      Outcome expected = Outcome.of(() -> mapper.fromAttributesThroughJackson(attributes));
      if (read != null) {
        assertThat(Outcome.of(() -> read)).isEqualTo(expected);
        assertThat(shape(read)).isEqualTo(shape(expected.value));
      }
      for (int k = 0; k < 3; k++) {
        Map<String, AttributeValue> damaged = damage(attributes, random);
        Outcome reference = Outcome.of(() -> mapper.fromAttributesThroughJackson(damaged));
        Outcome actual = Outcome.of(() -> mapper.fromAttributes(damaged));
        assertThat(actual).as("read of %s", damaged).isEqualTo(reference);
        assertThat(shape(actual.value)).isEqualTo(shape(reference.value));
      }
    }
    return new int[] {planned, writable};
  }

  /** A value or a failure (class and message), comparable across the two paths. */
  record Outcome(@Nullable Object value, @Nullable String failure) {
    static Outcome of(Supplier<?> action) {
      try {
        return new Outcome(action.get(), null);
      } catch (RuntimeException e) {
        return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }

  /** The classes of every collection and map in a value, so ArrayList vs List.of would show. */
  private static String shape(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    shape(value, out);
    return out.toString();
  }

  private static void shape(@Nullable Object value, StringBuilder out) {
    if (value instanceof Record record) {
      out.append('(');
      for (var component : record.getClass().getRecordComponents()) {
        try {
          shape(component.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        out.append(',');
      }
      out.append(')');
    } else if (value instanceof Collection<?> collection) {
      out.append(collection.getClass().getSimpleName()).append('[');
      for (Object element : collection) {
        shape(element, out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append(map.getClass().getSimpleName()).append('{');
      map.values().forEach(v -> shape(v, out));
      out.append('}');
    } else if (value != null) {
      out.append(value.getClass().getSimpleName());
    }
  }

  // ---- random records ----

  private static Everything everything(Random r) {
    return new Everything(
        maybe(r, () -> text(r)),
        r.nextBoolean(),
        maybe(r, r::nextBoolean),
        r.nextInt(),
        maybe(r, () -> r.nextInt(100) - 50),
        r.nextLong(),
        maybe(r, r::nextLong),
        (short) r.nextInt(),
        (byte) r.nextInt(),
        aDouble(r),
        maybe(r, () -> aDouble(r)),
        r.nextInt(20) == 0 ? Float.NaN : (float) (r.nextGaussian() * 1e6),
        maybe(r, () -> r.nextInt(40) == 0 ? BigInteger.TEN.pow(130) : new BigInteger(100, r)),
        maybe(
            r,
            () ->
                r.nextInt(40) == 0
                    ? new BigDecimal("1E+200")
                    : new BigDecimal(r.nextGaussian())
                        .setScale(r.nextInt(12) - 3, java.math.RoundingMode.HALF_UP)),
        maybe(r, () -> new UUID(r.nextLong(), r.nextLong())),
        maybe(
            r,
            () ->
                Instant.ofEpochSecond(
                    r.nextInt(), r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000))),
        maybe(r, () -> LocalDate.ofEpochDay(r.nextInt(200_000) - 100_000)),
        maybe(r, () -> Mood.values()[r.nextInt(3)]),
        maybe(r, () -> inner(r)),
        maybe(r, () -> list(r, () -> r.nextInt(8) == 0 ? null : inner(r))),
        maybe(r, () -> list(r, () -> r.nextInt(8) == 0 ? null : r.nextInt())),
        maybe(r, () -> list(r, () -> text(r))),
        set(r, () -> text(r), false),
        set(r, () -> r.nextInt(50), false),
        set(r, () -> Mood.values()[r.nextInt(3)], false),
        (LinkedHashSet<UUID>) set(r, () -> new UUID(r.nextLong(), r.nextLong()), true),
        maybe(r, () -> map(r, () -> r.nextInt(8) == 0 ? null : aDouble(r))),
        maybe(r, () -> map(r, () -> list(r, () -> text(r)))),
        maybe(r, () -> map(r, () -> set(r, () -> text(r), false))),
        maybe(r, () -> list(r, () -> set(r, r::nextLong, false))),
        maybe(r, () -> new HashMap<>(map(r, () -> inner(r)))));
  }

  private static Inner inner(Random r) {
    return new Inner(text(r), maybe(r, r::nextInt), maybe(r, () -> list(r, () -> text(r))));
  }

  private static double aDouble(Random r) {
    return switch (r.nextInt(40)) {
      case 0 -> Double.NaN;
      case 1 -> Double.NEGATIVE_INFINITY;
      case 2 -> -0.0;
      case 3 -> 1e-200;
      case 4 -> 12;
      default -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
    };
  }

  private static String text(Random r) {
    String[] samples = {"", "a", "Ünïcødé ✓", "with space", "#%", "HAPPY", "1.5", "x".repeat(40)};
    return r.nextInt(3) == 0 ? samples[r.nextInt(samples.length)] : Long.toString(r.nextLong(), 36);
  }

  private static <T> @Nullable T maybe(Random r, Supplier<T> value) {
    return r.nextInt(7) == 0 ? null : value.get();
  }

  private static <T> List<T> list(Random r, Supplier<T> element) {
    List<T> list = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      list.add(element.get());
    }
    return list;
  }

  private static <T> Set<T> set(Random r, Supplier<T> element, boolean linked) {
    Set<T> set = linked ? new LinkedHashSet<>() : new java.util.HashSet<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      set.add(r.nextInt(60) == 0 ? null : element.get());
    }
    return set;
  }

  private static <T> Map<String, T> map(Random r, Supplier<T> value) {
    Map<String, T> map = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      map.put(text(r), value.get());
    }
    return map;
  }

  // ---- damaged items ----

  private static final String[] NUMBER_TEXTS = {
    "5.0",
    "-0",
    "-0.0",
    "1e2",
    "1E+2",
    "0005",
    "+5",
    " 5",
    "99999999999",
    "9223372036854775808",
    "1E+400",
    "1e-400",
    "12.5",
    "abc",
    "",
    "128",
    "-129",
    "32768",
    "3.4028236E38"
  };

  private static final String[] STRING_TEXTS = {
    "HAPPY",
    "happy",
    "Sad",
    "2024-1-1",
    "2024-01-01",
    "+10000-01-01",
    "2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00.5+01:00",
    "1700000000",
    " 2024-01-01",
    "2024-02-30",
    "00000000-0000-0000-0000-000000000000",
    "0-0-0-0-0",
    "+0000000-0000-0000-0000-000000000000",
    "ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB",
    "true",
    "5",
    ""
  };

  private static Map<String, AttributeValue> damage(
      Map<String, AttributeValue> attributes, Random r) {
    Map<String, AttributeValue> damaged = new HashMap<>(attributes);
    List<String> names = new ArrayList<>(damaged.keySet());
    names.sort(null);
    String name = names.get(r.nextInt(names.size()));
    AttributeValue value = damaged.get(name);
    damaged.put(name, damageValue(value, r, 0));
    if (r.nextInt(10) == 0) {
      damaged.remove(names.get(r.nextInt(names.size())));
    }
    if (r.nextInt(10) == 0) {
      damaged.put("unknown", AttributeValue.fromS("ignored"));
    }
    return damaged;
  }

  private static AttributeValue damageValue(AttributeValue value, Random r, int depth) {
    if (depth < 3 && r.nextInt(3) > 0) {
      switch (value.type()) {
        case M -> {
          if (!value.m().isEmpty()) {
            Map<String, AttributeValue> m = new HashMap<>(value.m());
            List<String> keys = new ArrayList<>(m.keySet());
            keys.sort(null);
            String key = keys.get(r.nextInt(keys.size()));
            m.put(key, damageValue(m.get(key), r, depth + 1));
            return AttributeValue.fromM(m);
          }
        }
        case L -> {
          if (!value.l().isEmpty()) {
            List<AttributeValue> l = new ArrayList<>(value.l());
            int index = r.nextInt(l.size());
            l.set(index, damageValue(l.get(index), r, depth + 1));
            return AttributeValue.fromL(l);
          }
        }
        case SS -> {
          List<String> ss = new ArrayList<>(value.ss());
          ss.set(r.nextInt(ss.size()), STRING_TEXTS[r.nextInt(STRING_TEXTS.length)]);
          return AttributeValue.fromSs(ss);
        }
        case NS -> {
          List<String> ns = new ArrayList<>(value.ns());
          ns.set(r.nextInt(ns.size()), NUMBER_TEXTS[r.nextInt(NUMBER_TEXTS.length)]);
          return AttributeValue.fromNs(ns);
        }
        default -> {}
      }
    }
    return switch (r.nextInt(9)) {
      case 0 -> AttributeValue.fromNul(true);
      case 1 -> AttributeValue.fromN(NUMBER_TEXTS[r.nextInt(NUMBER_TEXTS.length)]);
      case 2, 3 -> AttributeValue.fromS(STRING_TEXTS[r.nextInt(STRING_TEXTS.length)]);
      case 4 -> AttributeValue.fromBool(r.nextBoolean());
      case 5 -> AttributeValue.fromL(List.of(AttributeValue.fromS("x")));
      case 6 -> AttributeValue.fromSs(List.of("a", "b"));
      case 7 -> AttributeValue.fromM(Map.of("name", AttributeValue.fromS("n")));
      default -> AttributeValue.fromL(List.of());
    };
  }

  // ---- helpers ----

  private static <T> ItemMapper<T> mapper(Class<T> type) {
    return ItemMapper.create(type, null, RESERVED);
  }

  private static <T> ItemMapper<T> mapper(Class<T> type, ObjectMapper objectMapper) {
    return ItemMapper.create(type, objectMapper, RESERVED);
  }

  private static <T> RecordPlan<T> plan(ItemMapper<T> mapper) {
    RecordPlan<T> plan = mapper.plan();
    assertThat(plan).as("plan: %s", mapper.noPlanReason()).isNotNull();
    return java.util.Objects.requireNonNull(plan);
  }
}
