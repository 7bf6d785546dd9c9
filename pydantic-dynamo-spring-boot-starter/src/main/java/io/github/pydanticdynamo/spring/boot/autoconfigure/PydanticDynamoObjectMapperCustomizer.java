package io.github.pydanticdynamo.spring.boot.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Customizes the Jackson 2 mapper the starter's repositories use for items (and only that mapper:
 * the application's own mappers are never touched). Declare one or more as beans; they run in
 * {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * PydanticDynamoObjectMapperCustomizer moneyModule() {
 *   return mapper -> mapper.registerModule(new MoneyModule());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PydanticDynamoObjectMapperCustomizer {
  /**
   * Customizes the mapper.
   *
   * @param objectMapper the mapper being built for the repositories
   */
  void customize(ObjectMapper objectMapper);
}
