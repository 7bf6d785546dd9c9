package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Names the packages searched for {@link io.github.pydanticdynamo.DynamoEntity @DynamoEntity}
 * types, instead of the auto-configuration packages (those of the {@code @SpringBootApplication}
 * class), as Spring Boot's {@code @EntityScan} does for JPA. Several annotations add up.
 *
 * <pre>{@code
 * @SpringBootApplication
 * @DynamoEntityScan(basePackageClasses = FilmActor.class)
 * public class FilmsApplication {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(DynamoEntityScanPackages.Registrar.class)
public @interface DynamoEntityScan {

  /**
   * Alias for {@link #basePackages()}.
   *
   * @return the base packages
   */
  @AliasFor("basePackages")
  String[] value() default {};

  /**
   * Packages to search (with their sub-packages).
   *
   * @return the base packages
   */
  @AliasFor("value")
  String[] basePackages() default {};

  /**
   * Type-safe alternative to {@link #basePackages()}: the package of each class is searched.
   *
   * @return classes whose packages are searched
   */
  Class<?>[] basePackageClasses() default {};
}
