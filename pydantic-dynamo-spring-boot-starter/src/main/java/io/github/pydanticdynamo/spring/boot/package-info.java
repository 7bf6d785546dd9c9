/**
 * Spring Boot 4 auto-configuration of pydantic-dynamo: repository beans for every {@link
 * io.github.pydanticdynamo.DynamoEntity @DynamoEntity}, injectable by generic type.
 *
 * <pre>{@code
 * // application.yaml
 * // pydantic-dynamo:
 * //   table-name: app-table
 * //   partition-prefix: films
 * // spring.cloud.aws.region.static: eu-west-1
 *
 * @DynamoEntity(contentType = "actor", partitionName = "actors")
 * public record FilmActor(String id, String name, @Nullable String review) {}
 *
 * @Service
 * class ActorService {
 *   private final DynamoRepository<FilmActor> actors;
 *
 *   ActorService(DynamoRepository<FilmActor> actors) {
 *     this.actors = actors;
 *   }
 * }
 * }</pre>
 *
 * <p>The clients come from Spring Cloud AWS ({@code spring.cloud.aws.*}); a {@code
 * jakarta.validation.Validator} bean validates items before writes; with Spring Boot's health
 * module, the {@code pydanticDynamo} health contributor checks each table; with Micrometer, each
 * operation is observed as {@code pydantic.dynamo.operation}.
 */
@NullMarked
package io.github.pydanticdynamo.spring.boot;

import org.jspecify.annotations.NullMarked;
