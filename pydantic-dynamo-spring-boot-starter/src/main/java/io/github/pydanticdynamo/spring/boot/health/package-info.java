/**
 * Health of the tables the repositories use, for Spring Boot's health endpoint: one {@link
 * io.github.pydanticdynamo.spring.boot.health.DynamoTableHealthIndicator} per table, grouped by the
 * auto-configuration under the {@code pydanticDynamo} contributor ({@code
 * /actuator/health/pydanticDynamo/<table>}). Active only with {@code spring-boot-health} on the
 * class path; {@code management.health.pydantic-dynamo.enabled=false} turns it off.
 *
 * <pre>{@code
 * $ curl localhost:8080/actuator/health/pydanticDynamo
 * {"status":"UP","components":{"app-table":{"status":"UP","details":{"table":"app-table",...}}}}
 * }</pre>
 */
@NullMarked
package io.github.pydanticdynamo.spring.boot.health;

import org.jspecify.annotations.NullMarked;
