package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/**
 * Lets DescribeTable reach the engine, then turns its answer into DynamoDB's HTTP answer for a role
 * without dynamodb:DescribeTable, so the SDK's own error handling makes the exception.
 */
final class AccessDeniedInterceptor implements ExecutionInterceptor {
  private static final byte[] BODY =
      ("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"User:"
              + " arn:aws:iam::123456789012:user/app is not authorized to perform:"
              + " dynamodb:DescribeTable on resource: arn:aws:dynamodb:us-east-1:123456789012:table"
              + " because no identity-based policy allows the dynamodb:DescribeTable action\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof DescribeTableRequest)) {
      return context.httpResponse();
    }
    CRC32 crc = new CRC32();
    crc.update(BODY);
    return context.httpResponse().toBuilder()
        .statusCode(400)
        .statusText("Bad Request")
        .putHeader("x-amzn-ErrorType", "AccessDeniedException")
        .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
        .putHeader("Content-Length", Integer.toString(BODY.length))
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return context.request() instanceof DescribeTableRequest
        ? Optional.of(new ByteArrayInputStream(BODY))
        : context.responseBody();
  }

  @Override
  public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return context.request() instanceof DescribeTableRequest
        ? Optional.of(AsyncRequestBody.fromBytes(BODY))
        : context.responsePublisher();
  }
}
