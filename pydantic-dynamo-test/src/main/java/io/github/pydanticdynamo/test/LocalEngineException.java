package io.github.pydanticdynamo.test;

/** The local engine could not be installed or started; the message says why and what to do. */
public final class LocalEngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   * @param cause the underlying failure, if any
   */
  public LocalEngineException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   */
  public LocalEngineException(String message) {
    super(message);
  }
}
