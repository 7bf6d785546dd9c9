package io.github.pydanticdynamo.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the application's repositories only, as {@code @DataMongoTest} is for Spring Data
 * MongoDB: loads the DynamoDB clients and the {@code DynamoRepository} / {@code
 * AsyncDynamoRepository} beans of the application's {@code @DynamoEntity} records, on the local
 * engine ({@link AutoConfigureLocalDynamoDb}), with their tables created; no web layer, no
 * {@code @Component}s (add some with {@link #includeFilters()}), no other auto-configuration.
 *
 * <pre>{@code
 * @DataDynamoTest
 * class FilmActorRepositoryTests {
 *   @Autowired DynamoRepository<FilmActor> actors;
 *
 *   @Test
 *   void storesAnActor() {
 *     actors.put(PartitionedContent.of(List.of(), List.of("tom-hanks"), tom));
 *     assertThat(actors.getItem(List.of(), List.of("tom-hanks"))).contains(tom);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(DataDynamoTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(DataDynamoTypeExcludeFilter.class)
@AutoConfigureDataDynamo
@AutoConfigureLocalDynamoDb
@ImportAutoConfiguration
public @interface DataDynamoTest {

  /**
   * Properties in {@code key=value} form added to the environment before the test runs.
   *
   * @return the properties
   */
  String[] properties() default {};

  /**
   * Whether the tables of the application's entities are created at start-up.
   *
   * @return true (the default) to create them
   */
  @AliasFor(annotation = AutoConfigureLocalDynamoDb.class, attribute = "createTables")
  boolean createTables() default true;

  /**
   * Whether the default filtering of {@code @SpringBootApplication} applies; by default no
   * components are included.
   *
   * @return whether default filters apply
   */
  boolean useDefaultFilters() default true;

  /**
   * Filters that add otherwise excluded components (a service under test, say) to the context.
   *
   * @return include filters
   */
  Filter[] includeFilters() default {};

  /**
   * Filters that leave out components that would otherwise be added.
   *
   * @return exclude filters
   */
  Filter[] excludeFilters() default {};

  /**
   * Auto-configurations to leave out of this test.
   *
   * @return the auto-configurations to exclude
   */
  @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
  Class<?>[] excludeAutoConfiguration() default {};
}
