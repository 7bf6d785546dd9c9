package io.github.pydanticdynamo.spring.boot.health;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Reports another status in the engine's DescribeTable answers (dynalite makes and drops tables at
 * once, so its tables are never CREATING, UPDATING, DELETING or ARCHIVED for long).
 */
public final class TableStatusInterceptor implements ExecutionInterceptor {
  private final TableStatus status;

  /**
   * Reports this status.
   *
   * @param status the status every described table has
   */
  public TableStatusInterceptor(TableStatus status) {
    this.status = status;
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (context.response() instanceof DescribeTableResponse described
        && described.table() != null) {
      return described.toBuilder()
          .table(described.table().toBuilder().tableStatus(status).build())
          .build();
    }
    return context.response();
  }
}
