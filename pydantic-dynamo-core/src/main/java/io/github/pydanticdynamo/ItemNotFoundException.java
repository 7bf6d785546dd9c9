package io.github.pydanticdynamo;

/**
 * An update required an existing item ({@code requireExists}, the default) and there was none.
 *
 * <pre>{@code
 * try {
 *   repository.update(ids, contentIds, command);
 * } catch (ItemNotFoundException e) {
 *   // create it with put, or use requireExists(false)
 * }
 * }</pre>
 */
public class ItemNotFoundException extends RequestObjectStateException {
  private static final long serialVersionUID = 1L;

  private final ContentKey key;

  /**
   * Creates the exception.
   *
   * @param key the key of the missing item
   * @param message the message, naming the key
   */
  public ItemNotFoundException(ContentKey key, String message) {
    super(message);
    this.key = key;
  }

  /**
   * The key of the missing item.
   *
   * @return the key
   */
  public ContentKey key() {
    return key;
  }
}
