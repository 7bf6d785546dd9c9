package io.github.pydanticdynamo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a secondary index of a stored model: its keys are composed from the record's own values
 * the way the table's keys are composed from ids ({@code prefix#partitionName#partitionIds…} and
 * {@code contentType#contentIds…}, escaped alike), written on every {@code put}, {@code putBatch}
 * and {@code update} that changes their sources. Several entity types can share one index: the
 * content type at the head of its sort key keeps them apart. Repeatable; see {@link SecondaryIndex}
 * for the rules and {@link RepositoryBuilder#index(SecondaryIndex)} to declare or override one
 * without the annotation.
 *
 * <pre>{@code
 * @DynamoEntity(contentType = "review", partitionName = "reviews")
 * @DynamoIndex(name = "by-reviewer", partitionIds = "reviewer", contentIds = "created")
 * @DynamoIndex(name = "by-rating", local = true, contentIds = {"rating", "id"})
 * public record ActorReview(String id, String actorId, String reviewer, Instant created, int rating) {}
 *
 * reviews.index("by-reviewer").list(List.of("alice"), List.of());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(DynamoIndexes.class)
public @interface DynamoIndex {
  /**
   * The index name in DynamoDB (3 to 255 of {@code a-z A-Z 0-9 _ - .}).
   *
   * @return the name
   */
  String name();

  /**
   * Whether it is a local secondary index: same partition key as the table (the item's partition
   * ids), another sort key; supports consistent reads, must exist when the table is created.
   * Default false: a global secondary index, with a partition key of its own.
   *
   * @return true for a local secondary index
   */
  boolean local() default false;

  /**
   * The model's properties whose values, in order, are the index partition ids (a global index
   * only; a local index has the table's partition key).
   *
   * @return the property names
   */
  String[] partitionIds() default {};

  /**
   * The model's properties whose values, in order, are the index content ids (after the content
   * type in its sort key).
   *
   * @return the property names
   */
  String[] contentIds() default {};

  /**
   * The part of a global index's partition key after the prefix. Default: the index name.
   *
   * @return the partition name, or {@code ""} for the default
   */
  String partitionName() default "";

  /**
   * The attribute holding a global index's partition key. Default: {@code _<name>_item_id}.
   *
   * @return the attribute name, or {@code ""} for the default
   */
  String partitionKey() default "";

  /**
   * The attribute holding the index sort key. Default: {@code _<name>_content_id}.
   *
   * @return the attribute name, or {@code ""} for the default
   */
  String sortKey() default "";
}
