package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this library throws. All are unchecked; SDK exceptions that the
 * library adds no meaning to pass through unwrapped.
 *
 * <pre>{@code
 * try {
 *   repository.update(ids, contentIds, command);
 * } catch (VersionConflictException e) {
 *   // re-read and retry
 * } catch (PydanticDynamoException e) {
 *   // anything else this library detected
 * }
 * }</pre>
 */
public class PydanticDynamoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   */
  public PydanticDynamoException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with the offending value and the fix
   * @param cause the underlying failure
   */
  public PydanticDynamoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
