package io.github.pydanticdynamo.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs a Spring test's application on the local DynamoDB engine: starts it once per JVM ({@link
 * io.github.pydanticdynamo.test.LocalDynamoDb#shared()}), points the application's DynamoDB clients
 * at it ({@link LocalDynamoDbAutoConfiguration}) and has the starter create the tables of the
 * application's {@code @DynamoEntity} records at start-up ({@code pydantic-dynamo.create-tables}).
 * No {@code @DynamicPropertySource} and no AWS account needed. The engine and its tables live as
 * long as the JVM, shared by every test context: give each test its own ids, or delete what it
 * wrote.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureLocalDynamoDb
 * class ActorServiceTests {
 *   @Autowired DynamoRepository<FilmActor> actors;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("pydantic-dynamo")
public @interface AutoConfigureLocalDynamoDb {

  /**
   * Whether the starter creates missing tables for the application's entities at start-up ({@code
   * pydantic-dynamo.create-tables}).
   *
   * @return true (the default) to create them
   */
  boolean createTables() default true;
}
