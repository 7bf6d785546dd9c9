package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * An item is over DynamoDB's 400 KB item limit; detected before the request, naming the item's key.
 */
public class ItemTooLargeException extends InvalidCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public ItemTooLargeException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public ItemTooLargeException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
