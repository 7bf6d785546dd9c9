package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/** Records the table of every DescribeTable a client sends. */
final class DescribeTableCounter implements ExecutionInterceptor {
  private final List<String> tables = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof DescribeTableRequest describe) {
      tables.add(describe.tableName());
    }
  }

  List<String> tables() {
    return List.copyOf(tables);
  }
}
