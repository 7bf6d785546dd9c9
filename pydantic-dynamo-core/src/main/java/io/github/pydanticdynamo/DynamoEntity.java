package io.github.pydanticdynamo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record (or class) as a stored model, so the Spring Boot starter finds it and registers
 * repositories for it. Repositories built by hand read the defaults from it too, but do not need
 * it.
 *
 * <pre>{@code
 * @DynamoEntity(contentType = "actor", partitionName = "actors")
 * public record FilmActor(String id, String name, @Nullable String review) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DynamoEntity {
  /**
   * The content type: the first part of every sort key. Default: the type's simple name.
   *
   * @return the content type, or {@code ""} for the default
   */
  String contentType() default "";

  /**
   * The partition name: the part of every partition key after the prefix. Default: the content
   * type.
   *
   * @return the partition name, or {@code ""} for the default
   */
  String partitionName() default "";

  /**
   * The table. Default: the configured default table.
   *
   * @return the table name, or {@code ""} for the default
   */
  String tableName() default "";
}
