/**
 * Spring Boot 4 auto-configuration of pydantic-dynamo: a {@code DynamoRepository<E>} and an {@code
 * AsyncDynamoRepository<E>} bean for every {@link
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
 * <p>What users touch is public here: {@link
 * io.github.pydanticdynamo.spring.boot.autoconfigure.PydanticDynamoProperties} ({@code
 * pydantic-dynamo.*}), {@link io.github.pydanticdynamo.spring.boot.autoconfigure.DynamoEntityScan},
 * the customizers of the async client and of the Jackson 2 mapper, and the configuration exception.
 * The rest is package-private and follows the start-up in order: the registrar scans the entities
 * and registers one repository bean pair per entity; the entity catalog resolves where each entity
 * is stored (properties over annotation over defaults) and rejects conflicts; the table verifier
 * describes each table once ({@code pydantic-dynamo.verify-tables}) and checks it, creating missing
 * ones through the table creator when {@code pydantic-dynamo.create-tables} is on; the repository
 * factory then builds each repository and wraps it with the decorators (observations); the failure
 * analyzer turns a {@link
 * io.github.pydanticdynamo.spring.boot.autoconfigure.PydanticDynamoConfigurationException} into a
 * start-up report with the fix.
 *
 * <p>The clients come from Spring Cloud AWS ({@code spring.cloud.aws.*}); a {@code
 * jakarta.validation.Validator} bean validates items before writes; with Spring Boot's health
 * module, {@link io.github.pydanticdynamo.spring.boot.health} checks each table; with Micrometer,
 * {@link io.github.pydanticdynamo.spring.boot.observation} observes each operation.
 */
@NullMarked
package io.github.pydanticdynamo.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
