package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * Bad input to an operation (an update, filter, query option, id or token), detected before any
 * request is sent.
 */
public class InvalidCommandException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public InvalidCommandException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public InvalidCommandException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
