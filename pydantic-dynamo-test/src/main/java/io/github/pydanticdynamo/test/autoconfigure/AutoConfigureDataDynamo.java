package io.github.pydanticdynamo.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configurations that the repositories of a {@link DataDynamoTest} need: Spring
 * Cloud AWS's region, credentials and DynamoDB client, the pydantic-dynamo starter, Bean Validation
 * when present, and service connections when Testcontainers is present. Usually through
 * {@code @DataDynamoTest}; on its own to build such a slice by hand.
 *
 * <pre>{@code
 * @SpringBootTest(classes = MyApplication.class)
 * @AutoConfigureDataDynamo
 * class RepositoriesOnlyTests {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureDataDynamo {}
