package io.github.pydanticdynamo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container of repeated {@link DynamoIndex} annotations (Java writes it for you).
 *
 * <pre>{@code
 * @DynamoIndex(name = "by-reviewer", partitionIds = "reviewer")
 * @DynamoIndex(name = "by-rating", local = true, contentIds = "rating")
 * record ActorReview(String id, String reviewer, int rating) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DynamoIndexes {
  /**
   * The indexes.
   *
   * @return the declared indexes
   */
  DynamoIndex[] value();
}
