package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.PydanticDynamoException;
import org.jspecify.annotations.Nullable;

/**
 * The starter cannot configure the repositories from the application's settings and entities: no
 * table or partition prefix for an entity, an invalid table name or setting, two entities that
 * would share items or bean names, a model the repository rejects, or a table the start-up check
 * found missing, unusable or with other keys (or could not reach). Thrown at startup; Spring Boot
 * reports it through a failure analyzer with {@link #action()} as the fix.
 *
 * <pre>{@code
 * try {
 *   SpringApplication.run(App.class);
 * } catch (BeanCreationException e) {
 *   if (e.getMostSpecificCause() instanceof PydanticDynamoConfigurationException failure) {
 *     System.err.println(failure.getMessage() + "\n" + failure.action());
 *   }
 * }
 * }</pre>
 */
public class PydanticDynamoConfigurationException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  /** How to fix the problem. */
  private final String action;

  /**
   * Creates the exception.
   *
   * @param description what is wrong, naming the entity and the offending values
   * @param action how to fix it, naming the properties or annotation attributes to set
   * @param cause the underlying failure, if any
   */
  public PydanticDynamoConfigurationException(
      String description, String action, @Nullable Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  /**
   * How to fix the problem.
   *
   * @return the fix, naming the properties or annotation attributes to set
   */
  public String action() {
    return action;
  }
}
