package io.github.pydanticdynamo.sample;

import io.github.pydanticdynamo.test.autoconfigure.AutoConfigureLocalDynamoDb;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole sample on a random port, on the local engine ({@code @AutoConfigureLocalDynamoDb}: the
 * engine started once, the clients pointed at it, the table created), with a {@code RestTestClient}
 * bound to it. Every test class with this annotation shares one application context.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalDynamoDb
@AutoConfigureRestTestClient
@interface SampleAppTest {}
