package io.github.pydanticdynamo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A conditional {@code put} or {@code update} did not write: its condition did not hold for the
 * stored item. Carries the condition and the clauses that failed; nothing was written.
 *
 * <pre>{@code
 * FilterCommand unreviewed = FilterCommand.builder().notExists("review").build();
 * try {
 *   actors.update(List.of(), List.of("tom-hanks"), UpdateCommand.builder().set("review", "Great").build(), unreviewed);
 * } catch (ConditionFailedException e) {
 *   List<FilterCommand.Condition> failed = e.failedConditions(); // [NOT_EXISTS review]
 * }
 * }</pre>
 *
 * <p>Which clauses failed is learnt after the failure, by reading the item again (DynamoDB says
 * only that the condition as a whole failed): a clause is listed when it does not hold for the item
 * as stored right after the write was refused. When a concurrent writer changed the item in between
 * so that every clause holds again, {@link #failedConditions()} lists them all.
 */
public class ConditionFailedException extends RequestObjectStateException {
  private static final long serialVersionUID = 1L;

  private final ContentKey key;
  private final transient FilterCommand condition;
  private final transient List<FilterCommand.Condition> failedConditions;
  private final boolean itemExists;

  /**
   * Creates the exception.
   *
   * @param key the key of the item the write was for
   * @param condition the write's whole condition
   * @param failedConditions the clauses that did not hold
   * @param itemExists whether an item was stored under the key
   * @param message the message, naming the key and the failed clauses (never their values)
   * @param cause DynamoDB's refusal
   */
  public ConditionFailedException(
      ContentKey key,
      FilterCommand condition,
      List<FilterCommand.Condition> failedConditions,
      boolean itemExists,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.key = key;
    this.condition = condition;
    this.failedConditions = List.copyOf(failedConditions);
    this.itemExists = itemExists;
  }

  /**
   * The key of the item the write was for.
   *
   * @return the key
   */
  public ContentKey key() {
    return key;
  }

  /**
   * The write's whole condition.
   *
   * @return the condition
   */
  public FilterCommand condition() {
    return condition;
  }

  /**
   * The clauses of the condition that did not hold, in the order they were added.
   *
   * @return the failed clauses (never empty)
   */
  public List<FilterCommand.Condition> failedConditions() {
    return failedConditions;
  }

  /**
   * Whether an item was stored under the key when the failure was examined (a condition on a
   * missing item sees every attribute as missing).
   *
   * @return true when the item exists
   */
  public boolean itemExists() {
    return itemExists;
  }
}
