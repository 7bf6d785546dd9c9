package io.github.pydanticdynamo.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the local DynamoDB ({@link LocalDynamoDb#shared()}). Test methods,
 * constructors and lifecycle methods can declare parameters of type {@link TestTable}, {@link
 * LocalDynamoDb}, {@code DynamoDbClient} and {@code DynamoDbAsyncClient}. Each test gets a fresh
 * table (or one per class with {@link #tablePerClass()}), deleted afterwards.
 *
 * <pre>{@code
 * @DynamoDbTest(partitionKey = "PK", sortKey = "SK")
 * class ActorIntegrationTests {
 *   @Test
 *   void stores(TestTable table, DynamoDbClient client) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynamoDbTestExtension.class)
public @interface DynamoDbTest {
  /**
   * The partition key attribute name of the test tables.
   *
   * @return the name
   */
  String partitionKey() default "_table_item_id";

  /**
   * The sort key attribute name of the test tables.
   *
   * @return the name
   */
  String sortKey() default "_table_content_id";

  /**
   * Whether all tests of the class share one table instead of one each.
   *
   * @return true for one table per class
   */
  boolean tablePerClass() default false;
}
