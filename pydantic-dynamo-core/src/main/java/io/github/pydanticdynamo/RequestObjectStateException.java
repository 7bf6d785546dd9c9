package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * The stored item is not in the state a request required (it is missing, or its version differs).
 * See {@link ItemNotFoundException} and {@link VersionConflictException}.
 */
public class RequestObjectStateException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public RequestObjectStateException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public RequestObjectStateException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
