package io.github.pydanticdynamo;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A repository's table does not exist (any more): DynamoDB answered a request with {@code
 * ResourceNotFoundException}. Names the table and the entity; the SDK exception is the cause. A
 * batch operation reports it as the cause of its {@link UnprocessedItemsException}, which still
 * lists what was not done.
 *
 * <pre>{@code
 * try {
 *   actors.put(content);
 * } catch (TableNotFoundException e) {
 *   log.error("table {} of {} is gone", e.tableName(), e.entityType().getSimpleName());
 * }
 * }</pre>
 */
public class TableNotFoundException extends PydanticDynamoException {
  private static final long serialVersionUID = 1L;

  private final String tableName;
  private final Class<?> entityType;

  /**
   * Creates the exception.
   *
   * @param tableName the table the repository uses
   * @param entityType the repository's model type
   * @param cause the SDK's exception
   */
  public TableNotFoundException(String tableName, Class<?> entityType, @Nullable Throwable cause) {
    super(
        "DynamoDB table '"
            + tableName
            + "' of the "
            + entityType.getSimpleName()
            + " repository does not exist"
            + (cause == null ? "" : " (" + cause.getMessage() + ")")
            + "; create it (TableLayout describes its keys), or point the repository at an"
            + " existing table",
        cause);
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.entityType = entityType;
  }

  /**
   * The table the repository uses.
   *
   * @return the table name
   */
  public String tableName() {
    return tableName;
  }

  /**
   * The repository's model type.
   *
   * @return the entity type
   */
  public Class<?> entityType() {
    return entityType;
  }
}
