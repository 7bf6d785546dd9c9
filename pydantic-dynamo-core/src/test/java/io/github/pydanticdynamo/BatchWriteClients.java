package io.github.pydanticdynamo;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Clients whose batch writes a test answers, or sees on their way to an engine. */
final class BatchWriteClients {
  /** DynamoDB's answer when a whole chunk was written. */
  static final BatchWriteItemResponse ALL_WRITTEN = BatchWriteItemResponse.builder().build();

  private BatchWriteClients() {}

  /**
   * A sync client.
   *
   * @param writes answers each batch write
   * @param engine answers queries, or null when the test makes none
   */
  static DynamoDbClient sync(
      Function<BatchWriteItemRequest, BatchWriteItemResponse> writes,
      @Nullable DynamoDbClient engine) {
    return new DynamoDbClient() {
      @Override
      public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return writes.apply(request);
      }

      @Override
      public QueryResponse query(QueryRequest request) {
        if (engine == null) {
          throw new UnsupportedOperationException("this test makes no queries");
        }
        return engine.query(request);
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {
        // the engine's client belongs to the test
      }
    };
  }

  /** An async client whose batch writes {@code writes} answers. */
  static DynamoDbAsyncClient async(
      Function<BatchWriteItemRequest, CompletableFuture<BatchWriteItemResponse>> writes) {
    return new DynamoDbAsyncClient() {
      @Override
      public CompletableFuture<BatchWriteItemResponse> batchWriteItem(
          BatchWriteItemRequest request) {
        return writes.apply(request);
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {
        // nothing of its own
      }
    };
  }
}
