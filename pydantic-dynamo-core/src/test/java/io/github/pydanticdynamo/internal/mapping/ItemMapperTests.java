package io.github.pydanticdynamo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.internal.item.AttributeSize;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemMapperTests {

  private static final Set<String> RESERVED =
      Set.of("_timestamp", "_object_version", "_ttl", "_table_item_id", "_table_content_id");

  private static <T> ItemMapper<T> mapper(Class<T> type) {
    return ItemMapper.create(type, null, RESERVED);
  }

  private static <T> T roundTrip(ItemMapper<T> mapper, T item) {
    return mapper.fromAttributes(mapper.toAttributes(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  // ---- models ----

  enum Genre {
    DRAMA,
    COMEDY,
    HORROR
  }

  enum Stars {
    ONE(1),
    FIVE(5);

    private final int value;

    Stars(int value) {
      this.value = value;
    }

    @JsonValue
    int value() {
      return value;
    }
  }

  record Scalars(
      String text,
      String empty,
      boolean flag,
      Boolean boxedFlag,
      byte tiny,
      short small,
      int number,
      long big,
      Integer boxedInt,
      Long boxedLong,
      float ratio,
      double precise,
      Double boxedDouble,
      BigInteger huge,
      BigDecimal exact,
      char letter,
      CountHolder holder,
      Genre genre,
      Stars stars,
      UUID id,
      Instant instant,
      LocalDate date,
      LocalDateTime dateTime,
      OffsetDateTime offsetDateTime,
      ZonedDateTime zonedDateTime,
      ZonedDateTime utcDateTime,
      LocalTime time,
      Duration duration,
      Period period,
      Year year,
      YearMonth yearMonth,
      MonthDay monthDay,
      ZoneId zone,
      URI uri,
      Optional<String> maybe,
      Optional<Instant> maybeInstant,
      OptionalInt maybeInt,
      @JsonProperty("display_name") String displayName) {}

  /** A value class: Jackson writes it through its getter. */
  record CountHolder(long count) {}

  static Scalars scalars() {
    return new Scalars(
        "héllo wörld ✓ \uD83C\uDFAC",
        "",
        true,
        Boolean.FALSE,
        (byte) -7,
        (short) 30000,
        -123456,
        Long.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MIN_VALUE,
        0.1f,
        0.1,
        1e125,
        new BigInteger("12345678901234567890123456789012345678"),
        new BigDecimal("12345678901234567890123456789.123456789"),
        'ß',
        new CountHolder(42),
        Genre.COMEDY,
        Stars.FIVE,
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        Instant.parse("2024-02-29T12:34:56.123456789Z"),
        LocalDate.of(2024, 1, 1),
        LocalDateTime.of(2024, 1, 1, 23, 59, 59, 999_999_999),
        OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 10, ZoneOffset.ofHoursMinutes(-5, -30)),
        ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
        ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC),
        LocalTime.of(10, 15, 30, 123_000_000),
        Duration.ofHours(26).plusNanos(4),
        Period.of(1, 2, 3),
        Year.of(1999),
        YearMonth.of(2024, 2),
        MonthDay.of(2, 29),
        ZoneId.of("America/New_York"),
        URI.create("https://example.com/a?b=c#d"),
        Optional.of("present"),
        Optional.empty(),
        OptionalInt.of(7),
        "Tom Hanks");
  }

  record Binary(byte[] bytes, ByteBuffer buffer, Set<ByteBuffer> chunks, List<byte[]> pieces) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Binary that
          && Arrays.equals(bytes, that.bytes)
          && buffer.equals(that.buffer)
          && chunks.equals(that.chunks)
          && pieces.size() == that.pieces.size()
          && java.util.stream.IntStream.range(0, pieces.size())
              .allMatch(i -> Arrays.equals(pieces.get(i), that.pieces.get(i)));
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  record Point(double lat, double lon) {}

  record Geo(Point point, String label) {}

  record Address(String city, @Nullable String zip, Geo geo) {}

  record FilmActor(
      String id,
      String name,
      @Nullable Address address,
      @Nullable Map<String, Object> meta,
      @Nullable Map<String, List<Map<String, Integer>>> nested,
      @Nullable List<String> films,
      Set<String> tags) {}

  record Sets(
      @Nullable Set<String> strings,
      @Nullable Set<Integer> ints,
      @Nullable SortedSet<BigDecimal> decimals,
      @Nullable Set<Genre> genres,
      @Nullable EnumSet<Genre> enumSet,
      @Nullable Set<UUID> ids,
      @Nullable Set<Stars> stars,
      @Nullable Set<Address> addresses,
      @Nullable Map<String, Set<String>> setsByName,
      @Nullable List<Set<String>> setList) {}

  record Numbers(
      double value,
      @Nullable Float boxed,
      @Nullable Map<String, Double> scores,
      @Nullable List<Double> series,
      @Nullable Map<String, Object> anything,
      @Nullable Point point) {}

  record Untyped(
      @Nullable Object value,
      @Nullable Map<String, Object> map,
      @Nullable List<Object> list,
      @Nullable JsonNode node) {}

  record WithOptional(String id, Optional<String> note, Optional<Address> address) {}

  record Renamed(
      @JsonProperty("film_name") String filmName, @JsonIgnore @Nullable String secret, int year) {}

  record Wrapper(String id, @JsonUnwrapped Inner inner) {}

  record Inner(String first, String second) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Cat.class, name = "cat"),
    @JsonSubTypes.Type(value = Dog.class, name = "dog")
  })
  interface Pet {}

  record Cat(String name, int lives) implements Pet {}

  record Dog(String name, Set<String> tricks) implements Pet {}

  record Owner(String id, Pet pet, List<Pet> others) {}

  // ---- round trips ----

  @Test
  void everyScalarTypeRoundTripsExactly() {
    ItemMapper<Scalars> mapper = mapper(Scalars.class);
    Scalars item = scalars();

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);
    Scalars back = mapper.fromAttributes(attributes);

    assertThat(back).isEqualTo(item);
    assertThat(attributes)
        .contains(
            entry("text", s("héllo wörld ✓ \uD83C\uDFAC")),
            entry("empty", s("")),
            entry("flag", AttributeValue.fromBool(true)),
            entry("tiny", n("-7")),
            entry("big", n("9223372036854775807")),
            entry("ratio", n("0.1")),
            entry("precise", n("0.1")),
            entry("boxedDouble", n("1.0E125")),
            entry("huge", n("12345678901234567890123456789012345678")),
            entry("exact", n("12345678901234567890123456789.123456789")),
            entry("letter", s("ß")),
            entry("holder", AttributeValue.fromM(Map.of("count", n("42")))),
            entry("genre", s("COMEDY")),
            entry("stars", n("5")),
            entry("id", s("123e4567-e89b-12d3-a456-426614174000")),
            entry("instant", s("2024-02-29T12:34:56.123456789+00:00")),
            entry("date", s("2024-01-01")),
            entry("offsetDateTime", s("2024-05-06T07:08:09.000000010-05:30")),
            entry("zonedDateTime", s("2024-07-01T12:00:00+02:00[Europe/Paris]")),
            entry("utcDateTime", s("2024-07-01T12:00:00Z")),
            entry("duration", s("PT26H0.000000004S")),
            entry("year", s("1999")),
            entry("maybe", s("present")),
            entry("maybeInt", n("7")),
            entry("display_name", s("Tom Hanks")));
    assertThat(attributes).doesNotContainKeys("maybeInstant", "displayName");
  }

  record Measure(
      String id, @Nullable Double amount, @Nullable BigDecimal exact, @Nullable BigInteger whole) {}

  @Test
  void numbersOutsideDynamoDbsDomainAreRejectedWithThePath() {
    ItemMapper<Measure> mapper = mapper(Measure.class);
    assertThatThrownBy(() -> mapper.toAttributes(new Measure("a", 1e300, null, null)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("1E+126");
    assertThatThrownBy(() -> mapper.toAttributes(new Measure("a", Double.MIN_VALUE, null, null)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageContaining("1E-130");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Measure(
                        "a",
                        null,
                        new BigDecimal("1234567890123456789012345678901234567.89"),
                        null)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageContaining("exact")
        .hasMessageContaining("39 significant digits");
    assertThatThrownBy(
            () -> mapper.toAttributes(new Measure("a", null, null, BigInteger.TEN.pow(126))))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageContaining("whole");
    assertThat(
            mapper.toAttributes(
                new Measure("a", null, new BigDecimal("1.000E+125"), BigInteger.TEN.pow(40))))
        .containsEntry("exact", AttributeValue.fromN("1.000E+125"));
  }

  @Test
  void extremeNumbersRoundTripExactly() {
    ItemMapper<Scalars> mapper = mapper(Scalars.class);
    Scalars base = scalars();
    double[] doubles = {
      0.1,
      9.99e125,
      -1e-130,
      1.7976931348623157e125,
      4.9e-130,
      1.0 / 3,
      2.5e-8,
      123456789.123456789,
      9007199254740993.0,
      -42
    };
    float[] floats = {0.1f, Float.MAX_VALUE, Float.MIN_VALUE, 1.0f / 3, -3.4e-20f, 16777217f};
    for (int i = 0; i < doubles.length; i++) {
      Scalars item =
          new Scalars(
              base.text(),
              base.empty(),
              base.flag(),
              base.boxedFlag(),
              Byte.MIN_VALUE,
              Short.MIN_VALUE,
              Integer.MAX_VALUE,
              Long.MIN_VALUE,
              Integer.MAX_VALUE,
              Long.MAX_VALUE,
              floats[i % floats.length],
              doubles[i],
              -doubles[i],
              BigInteger.TEN.pow(37).negate(),
              new BigDecimal("-0.000000000000000000000000000001"),
              base.letter(),
              base.holder(),
              base.genre(),
              base.stars(),
              base.id(),
              base.instant(),
              base.date(),
              base.dateTime(),
              base.offsetDateTime(),
              base.zonedDateTime(),
              base.utcDateTime(),
              base.time(),
              base.duration(),
              base.period(),
              base.year(),
              base.yearMonth(),
              base.monthDay(),
              base.zone(),
              base.uri(),
              base.maybe(),
              base.maybeInstant(),
              base.maybeInt(),
              base.displayName());
      assertThat(roundTrip(mapper, item)).as("double %s", doubles[i]).isEqualTo(item);
    }
  }

  @Test
  void bigDecimalsKeepTheirScaleAndExponent() {
    record Money(BigDecimal amount, BigDecimal scaled, BigDecimal exponent) {}
    ItemMapper<Money> mapper = mapper(Money.class);
    Money item =
        new Money(new BigDecimal("5.00"), new BigDecimal("1E+3"), new BigDecimal("1.5E-130"));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("amount")).isEqualTo(n("5.00"));
    assertThat(attributes.get("scaled")).isEqualTo(n("1E+3"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void numbersInEveryDynamoDbSpellingReadExactly() {
    record Mixed(
        double d, float f, long l, BigDecimal exact, Object any, Map<String, Object> map) {}

    Mixed back =
        mapper(Mixed.class)
            .fromAttributes(
                Map.of(
                    "d", n("1E+2"),
                    "f", n(".5"),
                    "l", n("-9223372036854775808"),
                    "exact", n("+1.50"),
                    "any", n("5E-3"),
                    "map",
                        AttributeValue.fromM(
                            Map.of(
                                "big", n("12345678901234567890123"),
                                "small", n("-7"),
                                "decimal", n("0.1")))));

    assertThat(back)
        .isEqualTo(
            new Mixed(
                100.0,
                0.5f,
                Long.MIN_VALUE,
                new BigDecimal("1.50"),
                new BigDecimal("5E-3"),
                Map.of(
                    "big",
                    new BigInteger("12345678901234567890123"),
                    "small",
                    -7,
                    "decimal",
                    new BigDecimal("0.1"))));
  }

  @Test
  void negativeZeroReadsBackAsZero() {
    ItemMapper<Point> mapper = mapper(Point.class);

    Map<String, AttributeValue> attributes = mapper.toAttributes(new Point(-0.0, 0.0));

    assertThat(attributes.get("lat")).isEqualTo(n("0.0"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(new Point(0.0, 0.0));
  }

  @Test
  void bytesAreStoredAsBinaryAndRoundTrip() {
    ItemMapper<Binary> mapper = mapper(Binary.class);
    Binary item =
        new Binary(
            new byte[] {0, 1, 2, (byte) 255},
            ByteBuffer.wrap("buffer".getBytes(StandardCharsets.UTF_8)),
            new LinkedHashSet<>(
                List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2, 3}))),
            List.of(new byte[] {9}, new byte[0]));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("bytes"))
        .isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
    assertThat(attributes.get("buffer"))
        .isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("buffer")));
    assertThat(attributes.get("chunks").bs()).hasSize(2);
    assertThat(attributes.get("pieces").l()).hasSize(2);
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void nestedRecordsThreeLevelsDeepAreMapsAndRoundTrip() {
    ItemMapper<FilmActor> mapper = mapper(FilmActor.class);
    FilmActor item =
        new FilmActor(
            "tom-hanks",
            "Tom Hanks",
            new Address("Concord", "94520", new Geo(new Point(37.97, -122.03), "home")),
            null,
            null,
            List.of("Big", "Cast Away"),
            Set.of("actor"));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    AttributeValue address = attributes.get("address");
    assertThat(address.m().get("city")).isEqualTo(s("Concord"));
    assertThat(address.m().get("geo").m().get("point").m().get("lat")).isEqualTo(n("37.97"));
    assertThat(attributes.get("films").l()).containsExactly(s("Big"), s("Cast Away"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void mapsOfListsOfMapsRoundTrip() {
    ItemMapper<FilmActor> mapper = mapper(FilmActor.class);
    Map<String, List<Map<String, Integer>>> nested = new LinkedHashMap<>();
    nested.put("a.b", List.of(Map.of("x", 1, "y", -2), Map.of()));
    nested.put("with space", List.of());
    nested.put("#%", List.of(Map.of("", 3)));
    FilmActor item = new FilmActor("1", "n", null, null, nested, List.of(), Set.of());

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("nested").m().get("a.b").l().get(0).m())
        .containsEntry("x", n("1"))
        .containsEntry("y", n("-2"));
    assertThat(attributes.get("films")).isEqualTo(AttributeValue.fromL(List.of()));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void numbersInUntypedPositionsReadBackAsJacksonReadsJsonNumbers() {
    ItemMapper<Untyped> mapper = mapper(Untyped.class);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("int", 7);
    map.put("long", 10_000_000_000L);
    map.put("bigInteger", new BigInteger("123456789012345678901234567890"));
    map.put("decimal", new BigDecimal("1.50"));
    map.put("double", 0.1);
    map.put("float", 0.1f);
    map.put("smallLong", 5L);
    map.put("null", null);
    map.put("nested", Map.of("deep", List.of(1, 2.5)));

    Untyped back = roundTrip(mapper, new Untyped(3.25, map, null, null));

    assertThat(back.value()).isEqualTo(new BigDecimal("3.25"));
    assertThat(back.map())
        .containsEntry("int", 7)
        .containsEntry("long", 10_000_000_000L)
        .containsEntry("bigInteger", new BigInteger("123456789012345678901234567890"))
        .containsEntry("decimal", new BigDecimal("1.50"))
        .containsEntry("double", new BigDecimal("0.1"))
        .containsEntry("float", new BigDecimal("0.1"))
        .containsEntry("smallLong", 5)
        .containsEntry("null", null)
        .containsEntry("nested", Map.of("deep", List.of(1, new BigDecimal("2.5"))));
  }

  @Test
  void jsonNodeAndObjectPropertiesRoundTrip() {
    ItemMapper<Untyped> mapper = mapper(Untyped.class);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", "x").put("count", 3).putNull("gone");
    node.putArray("list").add(true).add("s");
    List<Object> list = new ArrayList<>(Arrays.asList("a", null, List.of("b"), Map.of("k", "v")));

    Untyped back = roundTrip(mapper, new Untyped("text", Map.of(), list, node));

    assertThat(back.value()).isEqualTo("text");
    assertThat(back.map()).isEmpty();
    assertThat(back.list()).isEqualTo(list);
    assertThat(back.node()).isEqualTo(node);
  }

  @Test
  void optionalsAreOmittedWhenEmptyAndReadBackEmpty() {
    ItemMapper<WithOptional> mapper = mapper(WithOptional.class);
    WithOptional empty = new WithOptional("1", Optional.empty(), Optional.empty());
    WithOptional full =
        new WithOptional(
            "2",
            Optional.of("note"),
            Optional.of(new Address("Paris", null, new Geo(new Point(1, 2), ""))));

    assertThat(mapper.toAttributes(empty)).containsOnlyKeys("id");
    assertThat(roundTrip(mapper, empty)).isEqualTo(empty);
    assertThat(mapper.toAttributes(full).get("address").m()).doesNotContainKey("zip");
    assertThat(roundTrip(mapper, full)).isEqualTo(full);
  }

  @Test
  void jacksonAnnotationsAreHonoured() {
    ItemMapper<Renamed> mapper = mapper(Renamed.class);

    Map<String, AttributeValue> attributes =
        mapper.toAttributes(new Renamed("Big", "hidden", 1988));

    assertThat(attributes).containsOnlyKeys("film_name", "year");
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(new Renamed("Big", null, 1988));
    assertThat(mapper.schema().topLevelNames()).containsExactly("film_name", "year");
  }

  @Test
  void unwrappedPropertiesAreStoredAtTheTopLevel() {
    ItemMapper<Wrapper> mapper = mapper(Wrapper.class);
    Wrapper item = new Wrapper("1", new Inner("a", "b"));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes).containsOnlyKeys("id", "first", "second");
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void polymorphicPropertiesKeepTheirTypeIds() {
    ItemMapper<Owner> mapper = mapper(Owner.class);
    Owner item =
        new Owner("o", new Cat("Tom", 9), List.of(new Dog("Rex", Set.of("sit")), new Cat("F", 1)));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("pet").m()).containsEntry("kind", s("cat"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  record Keyed(
      Map<Integer, String> byNumber,
      Map<Genre, Integer> byGenre,
      Map<LocalDate, Boolean> byDate,
      char[] letters) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Keyed that
          && byNumber.equals(that.byNumber)
          && byGenre.equals(that.byGenre)
          && byDate.equals(that.byDate)
          && Arrays.equals(letters, that.letters);
    }

    @Override
    public int hashCode() {
      return byNumber.hashCode();
    }
  }

  @Test
  void mapKeysOfOtherTypesAreStoredAsStrings() {
    ItemMapper<Keyed> mapper = mapper(Keyed.class);
    Keyed item =
        new Keyed(
            Map.of(1, "one", -2, "minus two"),
            Map.of(Genre.DRAMA, 3),
            Map.of(LocalDate.of(2024, 1, 1), true),
            new char[] {'a', 'b'});

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("byNumber").m()).containsOnlyKeys("1", "-2");
    assertThat(attributes.get("byDate").m()).containsOnlyKeys("2024-01-01");
    assertThat(attributes.get("letters")).isEqualTo(s("ab"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  /** A mutable bean, as the AWS Enhanced Client maps them. */
  public static final class ActorBean {
    private String id;
    private int age;
    private List<String> films;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public List<String> getFilms() {
      return films;
    }

    public void setFilms(List<String> films) {
      this.films = films;
    }
  }

  @Test
  void beansRoundTrip() {
    ItemMapper<ActorBean> mapper = mapper(ActorBean.class);
    ActorBean bean = new ActorBean();
    bean.setId("tom");
    bean.setAge(67);
    bean.setFilms(List.of("Big"));

    Map<String, AttributeValue> attributes = mapper.toAttributes(bean);
    ActorBean back = mapper.fromAttributes(attributes);

    assertThat(attributes).containsOnlyKeys("id", "age", "films");
    assertThat(back).usingRecursiveComparison().isEqualTo(bean);
  }

  record Raw(@com.fasterxml.jackson.annotation.JsonRawValue String json) {}

  @Test
  void rawJsonValuesAreStoredAsTheirValues() {
    Map<String, AttributeValue> attributes =
        mapper(Raw.class).toAttributes(new Raw("{\"a\":[1,2.5,\"x\",null]}"));

    assertThat(attributes.get("json"))
        .isEqualTo(
            AttributeValue.fromM(
                Map.of(
                    "a",
                    AttributeValue.fromL(
                        List.of(n("1"), n("2.5"), s("x"), AttributeValue.fromNul(true))))));
  }

  // ---- nulls, absent and unknown attributes ----

  @Test
  void nullPropertiesAreOmittedButNullsInMapsAndListsAreKept() {
    ItemMapper<FilmActor> mapper = mapper(FilmActor.class);
    Map<String, Object> meta = new HashMap<>();
    meta.put("gone", null);
    FilmActor item =
        new FilmActor(
            "1",
            "n",
            new Address("c", null, new Geo(new Point(0, 0), "x")),
            meta,
            null,
            Arrays.asList("a", null),
            Set.of());

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes).containsOnlyKeys("id", "name", "address", "meta", "films");
    assertThat(attributes.get("address").m()).doesNotContainKey("zip");
    assertThat(attributes.get("meta").m()).containsEntry("gone", AttributeValue.fromNul(true));
    assertThat(attributes.get("films").l()).containsExactly(s("a"), AttributeValue.fromNul(true));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void nullAttributesReadAsAbsent() {
    ItemMapper<FilmActor> mapper = mapper(FilmActor.class);
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("id", s("1"));
    attributes.put("name", AttributeValue.fromNul(true));
    attributes.put("tags", AttributeValue.fromNul(true));
    attributes.put(
        "address",
        AttributeValue.fromM(
            Map.of(
                "city",
                s("c"),
                "zip",
                AttributeValue.fromNul(true),
                "geo",
                AttributeValue.fromNul(true))));

    FilmActor back = mapper.fromAttributes(attributes);

    assertThat(back)
        .isEqualTo(
            new FilmActor("1", null, new Address("c", null, null), null, null, null, Set.of()));
  }

  @Test
  void nullAttributeForAPrimitiveReadsAsItsDefault() {
    ItemMapper<Point> mapper = mapper(Point.class);

    Point back = mapper.fromAttributes(Map.of("lat", AttributeValue.fromNul(true), "lon", n("2")));

    assertThat(back).isEqualTo(new Point(0, 2));
  }

  @Test
  void unknownAndReservedAttributesAreIgnored() {
    ItemMapper<Point> mapper = mapper(Point.class);
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("lat", n("1.5"));
    attributes.put("lon", n("-2"));
    attributes.put("_table_item_id", s("films#actors#tom"));
    attributes.put("_table_content_id", s("actor#1"));
    attributes.put("_object_version", n("3"));
    attributes.put("_timestamp", s("2024-01-01T00:00:00Z"));
    attributes.put("_ttl", n("1700000000"));
    attributes.put(
        "legacy", AttributeValue.fromM(Map.of("x", AttributeValue.fromSs(List.of("a")))));

    assertThat(mapper.fromAttributes(attributes)).isEqualTo(new Point(1.5, -2));
  }

  @Test
  void attributesThatDoNotFitTheModelAreRejectedNamingTheAttribute() {
    ItemMapper<FilmActor> mapper = mapper(FilmActor.class);
    Map<String, AttributeValue> attributes =
        Map.of(
            "id",
            s("1"),
            "address",
            AttributeValue.fromM(Map.of("geo", AttributeValue.fromM(Map.of("point", s("x"))))));

    assertThatThrownBy(() -> mapper.fromAttributes(attributes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'address.geo.point'");
    assertThatThrownBy(() -> mapper(Point.class).fromAttributes(Map.of("lat", n("1x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'lat' cannot be read: its N value is not a number");
    Map<String, AttributeValue> badNumber =
        Map.of(
            "address",
            AttributeValue.fromM(
                Map.of(
                    "geo",
                    AttributeValue.fromM(
                        Map.of("point", AttributeValue.fromM(Map.of("lat", n("x"))))))));
    assertThatThrownBy(() -> mapper.fromAttributes(badNumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attribute 'address.geo.point.lat' cannot be read: its N value is not a number");
    Map<String, AttributeValue> badFilms =
        Map.of("films", AttributeValue.fromL(List.of(s("a"), AttributeValue.fromM(Map.of()))));
    assertThatThrownBy(() -> mapper.fromAttributes(badFilms))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("attribute 'films[1]' cannot be read: ");
  }

  // ---- sets ----

  @Test
  void setsAreStoredAsDynamoDbSets() {
    ItemMapper<Sets> mapper = mapper(Sets.class);
    Sets item =
        new Sets(
            new LinkedHashSet<>(List.of("a", "b")),
            new LinkedHashSet<>(List.of(1, 2)),
            new TreeSet<>(List.of(new BigDecimal("1.5"), new BigDecimal("-2"))),
            new LinkedHashSet<>(List.of(Genre.DRAMA, Genre.HORROR)),
            EnumSet.of(Genre.COMEDY),
            Set.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
            new LinkedHashSet<>(List.of(Stars.ONE, Stars.FIVE)),
            Set.of(new Address("c", "z", new Geo(new Point(1, 2), "l"))),
            Map.of("k", Set.of("v")),
            List.of(Set.of("x")));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes.get("strings")).isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
    assertThat(attributes.get("ints")).isEqualTo(AttributeValue.fromNs(List.of("1", "2")));
    assertThat(attributes.get("decimals")).isEqualTo(AttributeValue.fromNs(List.of("-2", "1.5")));
    assertThat(attributes.get("genres"))
        .isEqualTo(AttributeValue.fromSs(List.of("DRAMA", "HORROR")));
    assertThat(attributes.get("enumSet")).isEqualTo(AttributeValue.fromSs(List.of("COMEDY")));
    assertThat(attributes.get("ids"))
        .isEqualTo(AttributeValue.fromSs(List.of("123e4567-e89b-12d3-a456-426614174000")));
    assertThat(attributes.get("stars")).isEqualTo(AttributeValue.fromNs(List.of("1", "5")));
    assertThat(attributes.get("addresses").l()).hasSize(1);
    assertThat(attributes.get("setsByName").m().get("k"))
        .isEqualTo(AttributeValue.fromSs(List.of("v")));
    assertThat(attributes.get("setList").l()).containsExactly(AttributeValue.fromSs(List.of("x")));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  @Test
  void emptySetsAreOmittedAtPropertiesAndEmptyListsInsideMapsAndLists() {
    ItemMapper<Sets> mapper = mapper(Sets.class);
    Sets item =
        new Sets(
            Set.of(),
            Set.of(),
            new TreeSet<>(),
            Set.of(),
            EnumSet.noneOf(Genre.class),
            Set.of(),
            Set.of(),
            Set.of(),
            Map.of("k", Set.of()),
            List.of(Set.of()));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes).containsOnlyKeys("setsByName", "setList");
    assertThat(attributes.get("setsByName").m().get("k"))
        .isEqualTo(AttributeValue.fromL(List.of()));
    assertThat(attributes.get("setList").l()).containsExactly(AttributeValue.fromL(List.of()));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
  }

  record Inner2(SortedSet<Integer> numbers) {}

  @Test
  void absentAndNullSetPropertiesReadAsEmptySets() {
    record Tagged(String id, Set<String> tags, Optional<Set<String>> maybe, Inner2 inner) {}

    Tagged back =
        mapper(Tagged.class)
            .fromAttributes(
                Map.of(
                    "id", s("1"),
                    "tags", AttributeValue.fromNul(true),
                    "inner", AttributeValue.fromM(Map.of())));

    assertThat(back)
        .isEqualTo(new Tagged("1", Set.of(), Optional.empty(), new Inner2(new TreeSet<>())));
  }

  @Test
  void setsReadBackFromListsAndListsFromSets() {
    record Mixed(Set<String> set, List<String> list) {}
    ItemMapper<Mixed> mapper = mapper(Mixed.class);

    Mixed back =
        mapper.fromAttributes(
            Map.of(
                "set", AttributeValue.fromL(List.of(s("a"))),
                "list", AttributeValue.fromSs(List.of("b", "c"))));

    assertThat(back).isEqualTo(new Mixed(Set.of("a"), List.of("b", "c")));
  }

  @Test
  void setsHoldingNullAreRejected() {
    ItemMapper<Sets> mapper = mapper(Sets.class);
    Set<String> withNull = new LinkedHashSet<>(Arrays.asList("a", null));
    Sets item = new Sets(withNull, null, null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> mapper.toAttributes(item))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessage(
            "'strings' contains null: DynamoDB sets cannot hold null; remove it or use a List")
        .extracting(e -> ((UnstorableValueException) e).path())
        .isEqualTo("strings");
  }

  @Test
  void numbersEqualInDynamoDbAreOneSetElement() {
    record Decimals(Set<BigDecimal> values) {}

    Map<String, AttributeValue> attributes =
        mapper(Decimals.class)
            .toAttributes(
                new Decimals(
                    new LinkedHashSet<>(List.of(new BigDecimal("1.0"), new BigDecimal("1.00")))));

    assertThat(attributes.get("values")).isEqualTo(AttributeValue.fromNs(List.of("1.0")));
  }

  // ---- unstorable numbers ----

  @Test
  void nanAndInfinityAreRejectedWithTheirPath() {
    ItemMapper<Numbers> mapper = mapper(Numbers.class);

    assertThatThrownBy(
            () -> mapper.toAttributes(new Numbers(Double.NaN, null, null, null, null, null)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessage(
            "'value' is NaN: DynamoDB numbers must be finite; store it as null or a string");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Numbers(1, Float.POSITIVE_INFINITY, null, null, null, null)))
        .hasMessageStartingWith("'boxed' is Infinity");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Numbers(1, null, Map.of("imdb", Double.NaN), null, null, null)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageStartingWith("'scores.imdb' is NaN");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Numbers(
                        1, null, null, List.of(1.0, 2.0, Double.NEGATIVE_INFINITY), null, null)))
        .hasMessageStartingWith("'series[2]' is -Infinity");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Numbers(
                        1, null, null, null, Map.of("a", List.of(Map.of("b", Float.NaN))), null)))
        .hasMessageStartingWith("'anything.a[0].b' is NaN");
    assertThatThrownBy(
            () ->
                mapper.toAttributes(
                    new Numbers(1, null, null, null, null, new Point(Double.NaN, 0))))
        .hasMessageStartingWith("'point.lat' is NaN");
  }

  @Test
  void nanInsideAJsonNodeIsRejected() {
    ItemMapper<Untyped> mapper = mapper(Untyped.class);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putObject("inner").put("x", Double.POSITIVE_INFINITY);

    assertThatThrownBy(() -> mapper.toAttributes(new Untyped(null, null, null, node)))
        .isInstanceOf(UnstorableValueException.class)
        .hasMessageStartingWith("'node.inner.x' is Infinity");
  }

  // ---- model checks ----

  record UsesTtl(String id, @JsonProperty("_ttl") long ttl) {}

  record UsesKeyName(String id, String _table_item_id) {}

  interface NoTypeInfo {
    String getName();
  }

  record WithStream(String id, InputStream data) {}

  record WithThread(String id, Thread worker) {}

  record WithInterface(String id, NoTypeInfo value) {}

  record NoProperties() {}

  static final class NoGetters {
    @SuppressWarnings("unused")
    private String hidden = "x";
  }

  /** A bean that reads "_ttl" through a setter only. */
  public static final class ReadsTtl {
    private String id = "";

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    @JsonProperty("_ttl")
    public void setExpiry(long expiry) {}
  }

  @Test
  void reservedPropertyNamesAreRejected() {
    assertThatThrownBy(() -> mapper(ReadsTtl.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("'_ttl'");
    assertThatThrownBy(() -> mapper(UsesTtl.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("UsesTtl")
        .hasMessageContaining("'ttl' (stored as '_ttl')")
        .hasMessageContaining("@JsonProperty");
    assertThatThrownBy(() -> mapper(UsesKeyName.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("UsesKeyName")
        .hasMessageContaining("'_table_item_id'");
  }

  @Test
  void typesJacksonCannotMapAreRejected() {
    assertThatThrownBy(() -> mapper(NoTypeInfo.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("NoTypeInfo")
        .hasMessageContaining("interface");
    assertThatThrownBy(() -> mapper(WithStream.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("WithStream")
        .hasMessageContaining("'data'")
        .hasMessageContaining("InputStream");
    assertThatThrownBy(() -> mapper(WithThread.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("WithThread")
        .hasMessageContaining("'worker");
    assertThatThrownBy(() -> mapper(WithInterface.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("'value'")
        .hasMessageContaining("NoTypeInfo");
    assertThatThrownBy(() -> mapper(NoProperties.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("NoProperties")
        .hasMessageContaining("no properties");
    assertThatThrownBy(() -> mapper(NoGetters.class))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("no properties");
  }

  @Test
  void modelsThatAreNotObjectsAreRejected() {
    for (Class<?> type :
        List.of(
            String.class,
            int.class,
            Integer.class,
            int[].class,
            List.class,
            Map.class,
            Set.class,
            Genre.class,
            Object.class,
            JsonNode.class)) {
      assertThatThrownBy(() -> ItemMapper.create(type, null, RESERVED))
          .as(type.getName())
          .isInstanceOf(InvalidModelException.class)
          .hasMessageContaining(type.getSimpleName());
    }
  }

  @Test
  void abstractModelsWithTypeInfoAreAccepted() {
    ItemMapper<Pet> mapper = mapper(Pet.class);

    Pet back = roundTrip(mapper, new Dog("Rex", Set.of("sit", "roll")));

    assertThat(back).isEqualTo(new Dog("Rex", Set.of("sit", "roll")));
  }

  @Test
  void theCallersObjectMapperIsNotChanged() {
    ObjectMapper callers =
        new ObjectMapper()
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    ItemMapper<Scalars> mapper = ItemMapper.create(Scalars.class, callers, RESERVED);

    assertThat(callers.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isTrue();
    assertThat(callers.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    assertThat(callers.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)).isFalse();
    assertThat(callers.getRegisteredModuleIds()).isEmpty();
    assertThat(mapper.objectMapper()).isNotSameAs(callers);
    assertThat(mapper.objectMapper().isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
        .isFalse();
    assertThat(roundTrip(mapper, scalars())).isEqualTo(scalars());
  }

  @Test
  void theCallersNamingStrategyIsUsed() {
    ObjectMapper callers =
        new ObjectMapper()
            .setPropertyNamingStrategy(
                com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    record Film(String filmName, int releaseYear) {}

    ItemMapper<Film> mapper = ItemMapper.create(Film.class, callers, RESERVED);

    assertThat(mapper.toAttributes(new Film("Big", 1988)))
        .containsOnlyKeys("film_name", "release_year");
    assertThat(mapper.schema().resolve("release_year").isIntegral()).isTrue();
  }

  @Test
  void defaultObjectMapperIsConfiguredForItems() {
    ObjectMapper mapper = ItemMapper.defaultObjectMapper();

    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)).isTrue();
    assertThat(mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)).isFalse();
    assertThat(mapper.getRegisteredModuleIds())
        .hasSize(5); // java.time, JDK 8, parameter names, Python's time text, Blackbird
    assertThat(ItemMapper.defaultObjectMapper()).isNotSameAs(mapper);
  }

  // ---- command values ----

  record Film(
      String id,
      LocalDate released,
      long views,
      @Nullable Address address,
      Set<String> tags,
      List<LocalDate> screenings,
      Map<String, Double> scores,
      Optional<Instant> updated,
      Genre genre,
      @Nullable Object extra) {}

  @Test
  void commandValuesAreConvertedToTheAttributeType() {
    ItemMapper<Film> mapper = mapper(Film.class);
    ModelSchema schema = mapper.schema();

    assertThat(mapper.toAttributeValue(schema.resolve("released"), "2024-01-01"))
        .isEqualTo(s("2024-01-01"));
    assertThat(mapper.toAttributeValue(schema.resolve("released"), LocalDate.of(2024, 1, 2)))
        .isEqualTo(s("2024-01-02"));
    assertThat(mapper.toAttributeValue(schema.resolve("views"), 5)).isEqualTo(n("5"));
    assertThat(mapper.toAttributeValue(schema.resolve("views"), 6.0)).isEqualTo(n("6"));
    assertThat(mapper.toAttributeValue(schema.resolve("views"), "7")).isEqualTo(n("7"));
    assertThat(mapper.toAttributeValue(schema.resolve("genre"), "DRAMA")).isEqualTo(s("DRAMA"));
    assertThat(mapper.toAttributeValue(schema.resolve("updated"), "2024-01-01T00:00:00Z"))
        .isEqualTo(s("2024-01-01T00:00:00+00:00"));
    assertThat(mapper.toAttributeValue(schema.resolve("scores.imdb"), 7)).isEqualTo(n("7.0"));
    assertThat(mapper.toAttributeValue(schema.resolve("address.geo.point.lat"), "1.5"))
        .isEqualTo(n("1.5"));
    assertThat(mapper.toAttributeValue(schema.resolve("tags"), List.of("b", "a")).ss())
        .containsExactlyInAnyOrder("a", "b");
    assertThat(mapper.toAttributeValue(schema.resolve("screenings"), List.of("2024-03-01")))
        .isEqualTo(AttributeValue.fromL(List.of(s("2024-03-01"))));
    assertThat(mapper.toAttributeValue(schema.resolve("extra"), Map.of("n", 0.1f)))
        .isEqualTo(AttributeValue.fromM(Map.of("n", n("0.1"))));
    assertThat(mapper.toAttributeValue(schema.resolve("extra.anything.below"), 1.5))
        .isEqualTo(n("1.5"));
  }

  @Test
  void commandMapsBecomeNestedRecords() {
    ItemMapper<Film> mapper = mapper(Film.class);
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("city", "Paris");
    address.put("zip", null);
    address.put("geo", Map.of("point", Map.of("lat", 1, "lon", "2.5"), "label", "home"));

    AttributeValue value = mapper.toAttributeValue(mapper.schema().resolve("address"), address);

    assertThat(value)
        .isEqualTo(
            AttributeValue.fromM(
                Map.of(
                    "city",
                    s("Paris"),
                    "geo",
                    AttributeValue.fromM(
                        Map.of(
                            "point",
                            AttributeValue.fromM(Map.of("lat", n("1.0"), "lon", n("2.5"))),
                            "label",
                            s("home"))))));
  }

  @Test
  void commandValuesThatDoNotConvertAreRejectedNamingPathAndTypes() {
    ItemMapper<Film> mapper = mapper(Film.class);
    ModelSchema schema = mapper.schema();

    assertThatThrownBy(() -> mapper.toAttributeValue(schema.resolve("views"), "abc"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("value of type String for 'views' cannot be converted to long: ");
    assertThatThrownBy(() -> mapper.toAttributeValue(schema.resolve("views"), 1.5))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage(
            "value of type Double for 'views' cannot be converted to long: it is not a whole number");
    assertThatThrownBy(() -> mapper.toAttributeValue(schema.resolve("released"), "yesterday"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("'released'")
        .hasMessageContaining("LocalDate");
    assertThatThrownBy(
            () -> mapper.toAttributeValue(schema.resolve("address"), Map.of("ctiy", "Paris")))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("'address'")
        .hasMessageContaining("Address")
        .hasMessageContaining("ctiy");
    assertThatThrownBy(() -> mapper.toAttributeValue(schema.resolve("genre"), "WESTERN"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("Genre");
    assertThatThrownBy(() -> mapper.toAttributeValue(schema.resolve("scores.imdb"), Double.NaN))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("'scores.imdb' is NaN");
  }

  @Test
  void nullAndEmptySetCommandValuesAreNull() {
    ItemMapper<Film> mapper = mapper(Film.class);

    assertThat(mapper.toAttributeValue(mapper.schema().resolve("address"), null))
        .isEqualTo(AttributeValue.fromNul(true));
    assertThat(mapper.toAttributeValue(mapper.schema().resolve("tags"), Set.of()))
        .isEqualTo(AttributeValue.fromNul(true));
  }

  @Test
  void elementsAreConvertedToTheElementType() {
    ItemMapper<Film> mapper = mapper(Film.class);
    ModelSchema schema = mapper.schema();

    assertThat(mapper.toElementAttributeValue(schema.resolve("tags"), "drama"))
        .isEqualTo(s("drama"));
    assertThat(mapper.toElementAttributeValue(schema.resolve("screenings"), "2024-01-01"))
        .isEqualTo(s("2024-01-01"));
    assertThat(mapper.toElementAttributeValue(schema.resolve("screenings"), null))
        .isEqualTo(AttributeValue.fromNul(true));
    assertThatThrownBy(() -> mapper.toElementAttributeValue(schema.resolve("screenings"), "x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith(
            "element of type String for 'screenings[]' cannot be converted to" + " LocalDate");
    assertThatThrownBy(() -> mapper.toElementAttributeValue(schema.resolve("tags"), null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("set 'tags'");
    assertThatThrownBy(() -> mapper.toElementAttributeValue(schema.resolve("views"), 1))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("'views' is long (INTEGRAL), not a list or set");
  }

  // ---- randomized round trips ----

  record RandomItem(
      String id,
      @Nullable String text,
      int count,
      long big,
      double ratio,
      float small,
      @Nullable BigDecimal amount,
      @Nullable BigInteger huge,
      @Nullable Map<String, Object> data,
      @Nullable List<String> words,
      Set<String> tags,
      Set<Long> ids,
      Optional<String> note,
      @Nullable Part part,
      @Nullable List<Part> parts,
      @Nullable Map<String, Part> partsByName,
      @Nullable Instant at,
      @Nullable Genre genre) {}

  record Part(
      String name,
      @Nullable Double score,
      Set<String> labels,
      @Nullable Map<String, String> attributes,
      @Nullable Part child) {}

  @Test
  void randomItemsRoundTripExactly() {
    ItemMapper<RandomItem> mapper = mapper(RandomItem.class);
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      RandomItem item = randomItem(random);
      Map<String, AttributeValue> attributes;
      RandomItem back;
      try {
        attributes = mapper.toAttributes(item);
        back = mapper.fromAttributes(attributes);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", case " + i + ": " + item, e);
      }
      assertThat(back).as("seed %d, case %d, attributes %s", seed, i, attributes).isEqualTo(item);
      assertThat(AttributeSize.itemSize(attributes)).isPositive();
    }
  }

  private static RandomItem randomItem(Random random) {
    return new RandomItem(
        randomString(random, false),
        random.nextInt(5) == 0 ? null : randomString(random, true),
        random.nextInt(),
        random.nextLong(),
        randomDouble(random),
        randomFloat(random),
        random.nextInt(4) == 0 ? null : randomDecimal(random),
        random.nextInt(4) == 0 ? null : new BigInteger(random.nextInt(126) + 1, random),
        random.nextInt(4) == 0 ? null : randomMap(random, 0),
        random.nextInt(4) == 0 ? null : randomStrings(random),
        randomSet(random),
        randomLongs(random),
        random.nextBoolean() ? Optional.empty() : Optional.of(randomString(random, true)),
        random.nextInt(3) == 0 ? null : randomPart(random, 0),
        random.nextInt(3) == 0 ? null : randomParts(random),
        random.nextInt(3) == 0 ? null : randomPartsByName(random),
        random.nextInt(3) == 0
            ? null
            : Instant.ofEpochSecond(
                random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000)),
        random.nextInt(3) == 0 ? null : Genre.values()[random.nextInt(Genre.values().length)]);
  }

  private static Part randomPart(Random random, int depth) {
    return new Part(
        randomString(random, true),
        random.nextBoolean() ? null : randomDouble(random),
        randomSet(random),
        random.nextBoolean() ? null : randomStringMap(random),
        depth < 3 && random.nextBoolean() ? randomPart(random, depth + 1) : null);
  }

  private static List<Part> randomParts(Random random) {
    List<Part> parts = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      parts.add(randomPart(random, 1));
    }
    return parts;
  }

  private static Map<String, Part> randomPartsByName(Random random) {
    Map<String, Part> parts = new LinkedHashMap<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      parts.put(randomKey(random), randomPart(random, 2));
    }
    return parts;
  }

  private static Map<String, String> randomStringMap(Random random) {
    Map<String, String> map = new HashMap<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      map.put(randomKey(random), randomString(random, true));
    }
    return map;
  }

  private static List<String> randomStrings(Random random) {
    List<String> strings = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      strings.add(randomString(random, true));
    }
    return strings;
  }

  /** Possibly empty: an empty set is omitted and reads back as an empty set. */
  private static Set<String> randomSet(Random random) {
    Set<String> set = new LinkedHashSet<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      set.add(randomString(random, true));
    }
    return set;
  }

  private static Set<Long> randomLongs(Random random) {
    Set<Long> set = new LinkedHashSet<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      set.add(random.nextBoolean() ? random.nextLong() : (long) random.nextInt(100));
    }
    return set;
  }

  /**
   * Untyped values, of the Java types they read back as: Integer, Long and BigInteger by magnitude,
   * BigDecimal with a decimal point or exponent.
   */
  private static Map<String, Object> randomMap(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      map.put(randomKey(random), randomUntyped(random, depth));
    }
    return map;
  }

  private static @Nullable Object randomUntyped(Random random, int depth) {
    int choice = random.nextInt(depth < 3 ? 10 : 8);
    return switch (choice) {
      case 0 -> randomString(random, true);
      case 1 -> random.nextInt();
      case 2 ->
          random.nextBoolean()
              ? (long) Integer.MAX_VALUE + 1 + random.nextInt(Integer.MAX_VALUE)
              : Long.MIN_VALUE + random.nextInt(1000);
      case 3 -> new BigInteger(64 + random.nextInt(60), random).add(BigInteger.ONE.shiftLeft(63));
      case 4 -> randomDecimal(random);
      case 5 -> random.nextBoolean();
      case 6 -> null;
      case 7 -> randomString(random, false);
      case 8 -> randomMap(random, depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          list.add(randomUntyped(random, depth + 1));
        }
        yield list;
      }
    };
  }

  /** A BigDecimal written with a decimal point or an exponent, so it reads back as one. */
  private static BigDecimal randomDecimal(Random random) {
    BigInteger unscaled = new BigInteger(random.nextInt(120) + 1, random);
    if (random.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    int scale = random.nextInt(3) == 0 ? -random.nextInt(20) - 1 : random.nextInt(40) + 1;
    return new BigDecimal(unscaled, scale);
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextDouble();
      case 1 -> random.nextInt(1000) / 10.0;
      case 2 -> 0.1;
      case 3 -> random.nextBoolean() ? 1e125 : -1e-130;
      default -> {
        double d;
        do {
          d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d) || Math.abs(d) >= 1e126 || Math.abs(d) < 1e-130);
        yield d;
      }
    };
  }

  private static float randomFloat(Random random) {
    if (random.nextBoolean()) {
      return random.nextInt(1000) / 10.0f;
    }
    float f;
    do {
      f = Float.intBitsToFloat(random.nextInt());
    } while (!Float.isFinite(f) || f == 0.0f);
    return f;
  }

  private static final String SPECIALS = "#%.: /\\\"'{}[]$@!?,;=+-_~`\t\n";

  private static String randomKey(Random random) {
    String key = randomString(random, false);
    return key.isEmpty() ? "k" : key;
  }

  /** Valid unicode: ASCII, specials, accented letters, CJK and supplementary characters. */
  private static String randomString(Random random, boolean allowEmpty) {
    int length = random.nextInt(12) + (allowEmpty ? 0 : 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0 -> text.append((char) ('a' + random.nextInt(26)));
        case 1 -> text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
        case 2 -> text.append((char) (0xC0 + random.nextInt(0x17F - 0xC0)));
        case 3 -> text.append((char) (0x4E00 + random.nextInt(0x9FFF - 0x4E00)));
        case 4 -> text.appendCodePoint(0x1F300 + random.nextInt(0x1FAFF - 0x1F300));
        default -> text.append((char) ('0' + random.nextInt(10)));
      }
    }
    return text.toString();
  }

  @Test
  void oneMapperIsSafeToShareAcrossThreads() throws Exception {
    ItemMapper<Scalars> mapper = mapper(Scalars.class);
    Scalars item = scalars();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  try {
                    assertThat(roundTrip(mapper, item)).isEqualTo(item);
                  } catch (Throwable e) {
                    failures.add(e);
                    return;
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }

  record PythonShaped(
      @JsonProperty("id") String id,
      @Nullable String note,
      Optional<String> maybe,
      @Nullable Address address,
      Set<String> tags,
      Set<Integer> numbers,
      Set<String> none,
      Map<String, @Nullable Integer> scores,
      Instant at) {}

  @Test
  void thePythonFormatWritesNullsAsNullAndSetsAsListsThroughJackson() {
    ItemMapper<PythonShaped> mapper =
        ItemMapper.create(PythonShaped.class, null, RESERVED, StorageFormat.PYTHON);
    assertThat(mapper.noPlanReason()).isNotNull(); // @JsonProperty: the Jackson path
    Map<String, Integer> scores = new java.util.HashMap<>();
    scores.put("a", null);
    PythonShaped item =
        new PythonShaped(
            "x",
            null,
            Optional.empty(),
            null,
            new java.util.LinkedHashSet<>(List.of("b", "a")),
            Set.of(3),
            Set.of(),
            scores,
            Instant.parse("2024-01-01T00:00:00.5Z"));

    Map<String, AttributeValue> attributes = mapper.toAttributes(item);

    assertThat(attributes)
        .containsEntry("note", AttributeValue.fromNul(true))
        .containsEntry("maybe", AttributeValue.fromNul(true))
        .containsEntry("address", AttributeValue.fromNul(true))
        .containsEntry("tags", AttributeValue.fromL(List.of(s("b"), s("a"))))
        .containsEntry("numbers", AttributeValue.fromL(List.of(n("3"))))
        .containsEntry("none", AttributeValue.fromL(List.of()))
        .containsEntry("scores", AttributeValue.fromM(Map.of("a", AttributeValue.fromNul(true))))
        .containsEntry("at", s("2024-01-01T00:00:00.500000+00:00"));
    assertThat(mapper.fromAttributes(attributes)).isEqualTo(item);
    assertThat(mapper.toAttributeValue(mapper.schema().resolve("none"), Set.of()))
        .isEqualTo(AttributeValue.fromL(List.of()));
    // the standard format reads the same item back
    assertThat(ItemMapper.create(PythonShaped.class, null, RESERVED).fromAttributes(attributes))
        .isEqualTo(item);
  }
}
