/**
 * Spring Boot test support for applications that use the pydantic-dynamo starter, in the style of
 * Spring Boot's own test slices.
 *
 * <ul>
 *   <li>{@link io.github.pydanticdynamo.test.autoconfigure.AutoConfigureLocalDynamoDb} runs a
 *       {@code @SpringBootTest} on the local engine, with the entities' tables created;
 *   <li>{@link io.github.pydanticdynamo.test.autoconfigure.DataDynamoTest} loads only the
 *       repositories;
 *   <li>a {@code @ServiceConnection} {@link io.github.pydanticdynamo.test.DynaliteContainer} gives
 *       Spring Cloud AWS its endpoint where Docker runs.
 * </ul>
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureLocalDynamoDb
 * class ActorServiceTests {
 *   @Autowired ActorService service;
 * }
 * }</pre>
 */
@NullMarked
package io.github.pydanticdynamo.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
