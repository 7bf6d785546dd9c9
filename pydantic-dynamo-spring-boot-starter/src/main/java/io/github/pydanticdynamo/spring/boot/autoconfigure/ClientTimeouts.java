package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import java.time.Duration;
import org.springframework.core.Ordered;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Sets {@code pydantic-dynamo.client} timeouts on the DynamoDB clients the starter configures,
 * keeping any timeout a customizer ordered before it already set; runs last among customizers.
 */
final class ClientTimeouts {
  private final PydanticDynamoProperties.Client settings;

  ClientTimeouts(PydanticDynamoProperties.Client settings) {
    this.settings = settings;
  }

  /** Sets the timeouts the builder's override configuration does not have yet. */
  void apply(SdkClientBuilder<?, ?> builder) {
    ClientOverrideConfiguration current = builder.overrideConfiguration();
    ClientOverrideConfiguration.Builder changed = current.toBuilder();
    boolean change = false;
    Duration call = settings.apiCallTimeout();
    if (current.apiCallTimeout().isEmpty() && !call.isZero()) {
      changed.apiCallTimeout(call);
      change = true;
    }
    Duration attempt = settings.apiCallAttemptTimeout();
    if (current.apiCallAttemptTimeout().isEmpty() && !attempt.isZero()) {
      changed.apiCallAttemptTimeout(attempt);
      change = true;
    }
    if (change) {
      builder.overrideConfiguration(changed.build());
    }
  }

  /** For Spring Cloud AWS's {@code DynamoDbClient}. */
  static final class Sync implements DynamoDbClientCustomizer, Ordered {
    private final ClientTimeouts timeouts;

    Sync(PydanticDynamoProperties.Client settings) {
      this.timeouts = new ClientTimeouts(settings);
    }

    @Override
    public void customize(DynamoDbClientBuilder builder) {
      timeouts.apply(builder);
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** For the starter's {@code DynamoDbAsyncClient}. */
  static final class Async implements DynamoDbAsyncClientCustomizer, Ordered {
    private final ClientTimeouts timeouts;

    Async(PydanticDynamoProperties.Client settings) {
      this.timeouts = new ClientTimeouts(settings);
    }

    @Override
    public void customize(DynamoDbAsyncClientBuilder builder) {
      timeouts.apply(builder);
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
