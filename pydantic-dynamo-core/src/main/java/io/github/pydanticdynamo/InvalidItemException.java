package io.github.pydanticdynamo;

import java.util.List;

/**
 * An item was rejected before it was written: Bean Validation found violations, or a value cannot
 * be stored (a NaN or infinite number). Nothing of the operation was written.
 *
 * <pre>{@code
 * try {
 *   repository.put(content);
 * } catch (InvalidItemException e) {
 *   e.violations().forEach(System.out::println); // "name: must not be blank"
 * }
 * }</pre>
 */
public class InvalidItemException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  private final ContentKey key;
  private final List<String> violations;

  /**
   * Creates the exception.
   *
   * @param key the key of the rejected item
   * @param violations one {@code "path: message"} line per problem
   */
  public InvalidItemException(ContentKey key, List<String> violations) {
    super(
        "item "
            + key
            + " is invalid and was not written (nothing of this operation was): "
            + String.join("; ", violations));
    this.key = key;
    this.violations = List.copyOf(violations);
  }

  /**
   * The key of the rejected item.
   *
   * @return the key
   */
  public ContentKey key() {
    return key;
  }

  /**
   * The problems, one {@code "path: message"} line each.
   *
   * @return the violations
   */
  public List<String> violations() {
    return violations;
  }
}
