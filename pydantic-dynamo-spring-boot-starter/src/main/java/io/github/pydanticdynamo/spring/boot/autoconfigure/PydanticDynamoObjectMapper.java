package io.github.pydanticdynamo.spring.boot.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.DynamoObjectMappers;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Holds the Jackson 2 mapper the starter's repositories map items with. It is a holder rather than
 * an {@link ObjectMapper} bean so it never becomes, or competes with, the application's own mapper
 * (Spring Boot 4 configures Jackson 3 and no Jackson 2 mapper). Customize it with {@link
 * PydanticDynamoObjectMapperCustomizer} beans, or replace it by declaring a bean of this type.
 *
 * <pre>{@code
 * @Bean
 * PydanticDynamoObjectMapper pydanticDynamoObjectMapper() {
 *   return new PydanticDynamoObjectMapper(myJackson2Mapper);
 * }
 * }</pre>
 */
public final class PydanticDynamoObjectMapper {
  private final ObjectMapper objectMapper;

  /**
   * Holds {@code objectMapper}. Neither the starter nor the repositories change it: each repository
   * configures a copy.
   *
   * @param objectMapper the mapper
   */
  public PydanticDynamoObjectMapper(ObjectMapper objectMapper) {
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
  }

  /**
   * A mapper with the library's defaults (Java time, JDK 8 and parameter-name modules; dates as ISO
   * strings), then the customizers applied in order.
   *
   * @param customizers the customizers, in order
   * @return the holder
   */
  public static PydanticDynamoObjectMapper withDefaults(
      Stream<PydanticDynamoObjectMapperCustomizer> customizers) {
    ObjectMapper mapper = DynamoObjectMappers.defaults();
    customizers.forEach(customizer -> customizer.customize(mapper));
    return new PydanticDynamoObjectMapper(mapper);
  }

  /**
   * The mapper; the repositories configure their own copy of it.
   *
   * @return the mapper
   */
  public ObjectMapper objectMapper() {
    return objectMapper;
  }
}
