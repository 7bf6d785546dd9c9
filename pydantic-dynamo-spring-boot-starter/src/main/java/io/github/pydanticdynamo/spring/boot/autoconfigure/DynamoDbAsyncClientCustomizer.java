package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Customizes the {@code DynamoDbAsyncClient} the starter creates, after the Spring Cloud AWS
 * settings (region, credentials, endpoint) are applied; the async twin of Spring Cloud AWS's {@code
 * DynamoDbClientCustomizer}. Spring Cloud AWS's {@code AwsAsyncClientCustomizer} beans apply too.
 *
 * <pre>{@code
 * @Bean
 * DynamoDbAsyncClientCustomizer asyncTimeouts() {
 *   return builder -> builder.overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(5)));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DynamoDbAsyncClientCustomizer
    extends AwsClientCustomizer<DynamoDbAsyncClientBuilder> {}
