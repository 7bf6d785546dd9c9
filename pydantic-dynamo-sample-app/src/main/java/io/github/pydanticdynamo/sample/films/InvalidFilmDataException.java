package io.github.pydanticdynamo.sample.films;

/**
 * Input that passed Bean Validation but does not fit the films domain, such as reviews of unknown
 * actors in an import (the API answers 400 with this message, which is written for clients).
 */
public class InvalidFilmDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public InvalidFilmDataException(String message) {
    super(message);
  }
}
