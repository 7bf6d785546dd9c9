package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * A composed key is over DynamoDB's limits (2048 bytes for the partition key, 1024 for the sort
 * key), or a key part is unusable; detected before any request.
 */
public class InvalidKeyException extends InvalidCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public InvalidKeyException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public InvalidKeyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
