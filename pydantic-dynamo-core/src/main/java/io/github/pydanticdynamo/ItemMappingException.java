package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/** A stored item does not fit the model; the message names the item's key. */
public class ItemMappingException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public ItemMappingException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public ItemMappingException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
