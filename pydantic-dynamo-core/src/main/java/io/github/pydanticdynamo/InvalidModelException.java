package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * A model type that a repository cannot store: thrown when the repository is built, naming the
 * field and the fix.
 */
public class InvalidModelException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public InvalidModelException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public InvalidModelException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
