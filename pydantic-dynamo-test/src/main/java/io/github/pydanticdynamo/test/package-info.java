/**
 * A real DynamoDB-compatible engine for tests and local runs.
 *
 * <p>{@link io.github.pydanticdynamo.test.LocalDynamoDb#shared()} starts <a
 * href="https://github.com/architect/dynalite">dynalite</a> (installed with the machine's {@code
 * npm} on first use, pinned by a lock file) on a free loopback port, once per JVM, and stops it
 * when the JVM exits. Setting {@code PYDANTIC_DYNAMO_ENDPOINT} points everything at another
 * endpoint instead (real DynamoDB or any compatible server). Spring Boot applications test with
 * {@link io.github.pydanticdynamo.test.autoconfigure.AutoConfigureLocalDynamoDb} and {@link
 * io.github.pydanticdynamo.test.autoconfigure.DataDynamoTest}.
 *
 * <p>Faults DynamoDB produces and the local engine never does are injected into real traffic:
 * {@link io.github.pydanticdynamo.test.UnprocessedWorkInterceptor} (unprocessed batch work), {@link
 * io.github.pydanticdynamo.test.ThrottlingInterceptor} (throttling) and {@link
 * io.github.pydanticdynamo.test.LostResponseProxy} (a call applied whose response is lost, or a
 * call dropped before it reaches the engine).
 *
 * <pre>{@code
 * @DynamoDbTest
 * class ActorIntegrationTests {
 *   @Test
 *   void writesAndReads(DynamoDbClient client, TestTable table) {
 *     client.putItem(b -> b.tableName(table.name()).item(...));
 *   }
 * }
 * }</pre>
 */
@NullMarked
package io.github.pydanticdynamo.test;

import org.jspecify.annotations.NullMarked;
