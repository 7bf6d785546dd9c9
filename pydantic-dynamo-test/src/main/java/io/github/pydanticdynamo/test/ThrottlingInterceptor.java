package io.github.pydanticdynamo.test;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Throttles batch requests before they reach the engine, as DynamoDB does when a table runs out of
 * capacity: the request fails with {@link ProvisionedThroughputExceededException} and nothing of it
 * is applied. Use it on a client whose own SDK retries are off, to see the library's retries.
 *
 * <pre>{@code
 * ThrottlingInterceptor throttle = ThrottlingInterceptor.firstRequests(5);
 * DynamoDbClient client = LocalDynamoDb.shared().newClient(ClientOverrideConfiguration.builder()
 *     .retryStrategy(b -> b.maxAttempts(1)).addExecutionInterceptor(throttle).build());
 * }</pre>
 */
public final class ThrottlingInterceptor implements ExecutionInterceptor {
  private final long throttledRequests;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();

  private ThrottlingInterceptor(long throttledRequests) {
    this.throttledRequests = throttledRequests;
  }

  /**
   * Throttles the first {@code count} batch requests, then lets everything through.
   *
   * @param count how many to throttle
   * @return the interceptor
   */
  public static ThrottlingInterceptor firstRequests(long count) {
    return new ThrottlingInterceptor(count);
  }

  /**
   * Throttles every batch request, for ever.
   *
   * @return the interceptor
   */
  public static ThrottlingInterceptor always() {
    return new ThrottlingInterceptor(Long.MAX_VALUE);
  }

  /**
   * How many batch requests were throttled.
   *
   * @return the count
   */
  public long throttled() {
    return throttled.get();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Object request = context.request();
    if (!(request instanceof BatchWriteItemRequest) && !(request instanceof BatchGetItemRequest)) {
      return;
    }
    if (seen.incrementAndGet() <= throttledRequests) {
      throttled.incrementAndGet();
      throw ProvisionedThroughputExceededException.builder()
          .statusCode(400)
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("ProvisionedThroughputExceededException")
                  .errorMessage(
                      "injected: the level of configured provisioned throughput was exceeded")
                  .serviceName("DynamoDb")
                  .build())
          .message("injected throttling")
          .build();
    }
  }
}
