package io.github.pydanticdynamo.internal.mapping;

/** A value DynamoDB cannot store (NaN, a set holding null), named by its path with the fix. */
public final class UnstorableValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path the dotted path of the value, such as {@code scores.imdb} or {@code items[2].price}
   * @param reason why it cannot be stored and what to do instead, starting with a verb ("is NaN:
   *     …")
   */
  UnstorableValueException(String path, String reason) {
    super("'" + path + "' " + reason);
    this.path = path;
  }

  /**
   * The dotted path of the value that cannot be stored.
   *
   * @return the path, such as {@code scores.imdb}
   */
  public String path() {
    return path;
  }
}
