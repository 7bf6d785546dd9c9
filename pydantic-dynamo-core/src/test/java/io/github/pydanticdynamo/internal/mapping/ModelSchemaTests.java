package io.github.pydanticdynamo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.mapping.AttributePath.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ModelSchemaTests {

  enum Genre {
    DRAMA,
    COMEDY
  }

  enum Stars {
    ONE(1),
    TWO(2);

    private final int value;

    Stars(int value) {
      this.value = value;
    }

    @JsonValue
    int value() {
      return value;
    }
  }

  record Point(double lat, double lon) {}

  record Address(String city, String zip, Point point) {}

  record FilmActor(
      String id,
      String name,
      Address address,
      Map<String, Double> scores,
      Map<String, Address> addresses,
      List<String> tags,
      Object extra,
      JsonNode node) {}

  record Kinds(
      int i,
      Long boxedLong,
      BigInteger bigInteger,
      AtomicLong atomic,
      short s,
      double d,
      Float f,
      BigDecimal decimal,
      Number number,
      String string,
      char c,
      Genre genre,
      Stars stars,
      UUID uuid,
      Instant instant,
      LocalDate date,
      OffsetDateTime offsetDateTime,
      Duration duration,
      URI uri,
      boolean flag,
      Boolean boxedFlag,
      byte[] bytes,
      ByteBuffer buffer,
      List<Integer> list,
      String[] array,
      int[] ints,
      Collection<String> collection,
      Set<String> set,
      SortedSet<Integer> sortedSet,
      EnumSet<Genre> enumSet,
      Map<String, Object> map,
      Address object,
      Object any,
      JsonNode json,
      Optional<LocalDate> maybeDate,
      Optional<Address> maybeAddress,
      OptionalInt maybeInt,
      @JsonProperty("renamed_field") String renamed) {}

  record Tree(String name, List<Tree> children, Map<String, Tree> byName) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Cat.class, name = "cat"),
    @JsonSubTypes.Type(value = Dog.class, name = "dog")
  })
  interface Pet {}

  record Cat(String name, int lives) implements Pet {}

  record Dog(String name, Set<String> tricks) implements Pet {}

  record Owner(String id, Pet pet) {}

  private static ModelSchema schema(Class<?> type) {
    return ItemMapper.create(type, null, Set.of("_ttl")).schema();
  }

  @Test
  void resolvesTopLevelAttributes() {
    AttributePath name = schema(FilmActor.class).resolve("name");

    assertThat(name.segments()).containsExactly("name");
    assertThat(name.dotted()).isEqualTo("name");
    assertThat(name.kind()).isEqualTo(Kind.STRING);
    assertThat(name.type().getRawClass()).isEqualTo(String.class);
    assertThat(name.isIntegral()).isFalse();
  }

  @Test
  void resolvesNestedRecordAttributes() {
    ModelSchema schema = schema(FilmActor.class);

    assertThat(schema.resolve("address").kind()).isEqualTo(Kind.OBJECT);
    assertThat(schema.resolve("address").type().getRawClass()).isEqualTo(Address.class);
    AttributePath lat = schema.resolve("address.point.lat");
    assertThat(lat.segments()).containsExactly("address", "point", "lat");
    assertThat(lat.kind()).isEqualTo(Kind.DECIMAL);
    assertThat(lat.type().getRawClass()).isEqualTo(double.class);
  }

  @Test
  void resolvesAnyKeyOfAMap() {
    ModelSchema schema = schema(FilmActor.class);

    assertThat(schema.resolve("scores").kind()).isEqualTo(Kind.MAP);
    AttributePath imdb = schema.resolve("scores.imdb");
    assertThat(imdb.kind()).isEqualTo(Kind.DECIMAL);
    assertThat(imdb.type().getRawClass()).isEqualTo(Double.class);
    assertThat(schema.resolve("addresses.home.city").kind()).isEqualTo(Kind.STRING);
  }

  @Test
  void resolvesAnythingBelowUntypedAttributes() {
    ModelSchema schema = schema(FilmActor.class);

    assertThat(schema.resolve("extra").kind()).isEqualTo(Kind.ANY);
    assertThat(schema.resolve("extra.a.b.c").kind()).isEqualTo(Kind.ANY);
    assertThat(schema.resolve("node").type().getRawClass()).isEqualTo(JsonNode.class);
    assertThat(schema.resolve("node.x").kind()).isEqualTo(Kind.ANY);
  }

  @Test
  void childResolvesKeysHoldingDots() {
    ModelSchema schema = schema(FilmActor.class);

    AttributePath key = schema.child(schema.resolve("scores"), "rotten.tomatoes");

    assertThat(key.segments()).containsExactly("scores", "rotten.tomatoes");
    assertThat(key.kind()).isEqualTo(Kind.DECIMAL);
    assertThat(schema.child(schema.resolve("address"), "city").kind()).isEqualTo(Kind.STRING);
    assertThatThrownBy(() -> schema.child(schema.resolve("address"), "ctiy"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage("unknown attribute 'address.ctiy': Address has city, zip, point");
    assertThatThrownBy(() -> schema.child(schema.resolve("scores"), ""))
        .isInstanceOf(InvalidCommandException.class);
  }

  @Test
  void kindsFollowWhatJacksonWrites() {
    ModelSchema schema = schema(Kinds.class);
    Map<String, Kind> expected =
        Map.ofEntries(
            Map.entry("i", Kind.INTEGRAL),
            Map.entry("boxedLong", Kind.INTEGRAL),
            Map.entry("bigInteger", Kind.INTEGRAL),
            Map.entry("atomic", Kind.INTEGRAL),
            Map.entry("s", Kind.INTEGRAL),
            Map.entry("d", Kind.DECIMAL),
            Map.entry("f", Kind.DECIMAL),
            Map.entry("decimal", Kind.DECIMAL),
            Map.entry("number", Kind.DECIMAL),
            Map.entry("string", Kind.STRING),
            Map.entry("c", Kind.STRING),
            Map.entry("genre", Kind.STRING),
            Map.entry("stars", Kind.INTEGRAL),
            Map.entry("uuid", Kind.STRING),
            Map.entry("instant", Kind.STRING),
            Map.entry("date", Kind.STRING),
            Map.entry("offsetDateTime", Kind.STRING),
            Map.entry("duration", Kind.STRING),
            Map.entry("uri", Kind.STRING),
            Map.entry("flag", Kind.BOOLEAN),
            Map.entry("boxedFlag", Kind.BOOLEAN),
            Map.entry("bytes", Kind.BINARY),
            Map.entry("buffer", Kind.BINARY),
            Map.entry("list", Kind.LIST),
            Map.entry("array", Kind.LIST),
            Map.entry("ints", Kind.LIST),
            Map.entry("collection", Kind.LIST),
            Map.entry("set", Kind.SET),
            Map.entry("sortedSet", Kind.SET),
            Map.entry("enumSet", Kind.SET),
            Map.entry("map", Kind.MAP),
            Map.entry("object", Kind.OBJECT),
            Map.entry("any", Kind.ANY),
            Map.entry("json", Kind.ANY),
            Map.entry("maybeDate", Kind.STRING),
            Map.entry("maybeAddress", Kind.OBJECT),
            Map.entry("maybeInt", Kind.INTEGRAL),
            Map.entry("renamed_field", Kind.STRING));

    for (Map.Entry<String, Kind> entry : expected.entrySet()) {
      assertThat(schema.resolve(entry.getKey()).kind())
          .as(entry.getKey())
          .isEqualTo(entry.getValue());
    }
    assertThat(schema.topLevelNames()).hasSize(expected.size());
    assertThat(schema.resolve("stars").isIntegral()).isTrue();
    assertThat(schema.resolve("maybeDate").type().getRawClass()).isEqualTo(LocalDate.class);
    assertThat(schema.resolve("maybeAddress.point.lon").kind()).isEqualTo(Kind.DECIMAL);
  }

  @Test
  void topLevelNamesAreTheStoredNamesInOrder() {
    assertThat(schema(FilmActor.class).topLevelNames())
        .containsExactly("id", "name", "address", "scores", "addresses", "tags", "extra", "node");
    assertThat(schema(Kinds.class).topLevelNames())
        .contains("renamed_field")
        .doesNotContain("renamed");
  }

  @Test
  void unknownAttributesAreRejectedNamingTheKnownOnes() {
    ModelSchema schema = schema(FilmActor.class);

    assertThatThrownBy(() -> schema.resolve("adress"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage(
            "unknown attribute 'adress' in FilmActor; known: id, name, address, scores,"
                + " addresses, tags, extra, node");
    assertThatThrownBy(() -> schema.resolve("address.ctiy"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage("unknown attribute 'address.ctiy': Address has city, zip, point");
    assertThatThrownBy(() -> schema.resolve("addresses.home.ctiy"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage("unknown attribute 'addresses.home.ctiy': Address has city, zip, point");
  }

  @Test
  void pathsBelowValuesWithoutNamedPartsAreRejected() {
    ModelSchema schema = schema(FilmActor.class);

    assertThatThrownBy(() -> schema.resolve("tags.first"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("unknown attribute 'tags.first': 'tags' is a List<String>");
    assertThatThrownBy(() -> schema.resolve("name.first"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("unknown attribute 'name.first': 'name' is a String");
    assertThatThrownBy(() -> schema.resolve("address.point.lat.x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("unknown attribute 'address.point.lat.x': 'address.point.lat'");
  }

  @Test
  void emptySegmentsAreRejected() {
    ModelSchema schema = schema(FilmActor.class);

    for (String path : List.of("", ".", "address..city", ".address", "address.")) {
      assertThatThrownBy(() -> schema.resolve(path))
          .as("'%s'", path)
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("empty");
    }
  }

  @Test
  void recursiveModelsResolve() {
    ModelSchema schema = schema(Tree.class);

    assertThat(schema.resolve("children").kind()).isEqualTo(Kind.LIST);
    assertThat(schema.resolve("byName.left.children").kind()).isEqualTo(Kind.LIST);
    assertThat(schema.resolve("byName.left.byName.right.name").kind()).isEqualTo(Kind.STRING);
  }

  @Test
  void polymorphicPropertiesResolveTheirSubtypesProperties() {
    ModelSchema schema = schema(Owner.class);

    assertThat(schema.resolve("pet.lives").kind()).isEqualTo(Kind.INTEGRAL);
    assertThat(schema.resolve("pet.tricks").kind()).isEqualTo(Kind.SET);
    assertThat(schema(Pet.class).topLevelNames()).contains("name", "lives", "tricks");
  }
}
