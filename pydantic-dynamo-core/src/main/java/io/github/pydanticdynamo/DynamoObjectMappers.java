package io.github.pydanticdynamo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;

/**
 * The Jackson 2 mapper configuration repositories use for items, for callers that start from it and
 * customize it (the repository configures its own copy of whatever mapper it is given).
 *
 * <pre>{@code
 * ObjectMapper mapper = DynamoObjectMappers.defaults()
 *     .addMixIn(FilmActor.class, FilmActorMixIn.class);
 * DynamoRepository.builder(FilmActor.class).objectMapper(mapper)...;
 * }</pre>
 */
public final class DynamoObjectMappers {
  private DynamoObjectMappers() {}

  /**
   * A new mapper with the library's defaults: Java time, JDK 8 and parameter-name modules; dates
   * and durations as ISO-8601 strings; unknown properties ignored; decimals in untyped positions
   * read as {@code BigDecimal}.
   *
   * @return a new mapper, yours to change
   */
  public static ObjectMapper defaults() {
    return ItemMapper.defaultObjectMapper();
  }
}
