package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.TableNotFoundException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Views of a repository's client whose calls fail with TableNotFoundException, not the SDK's. */
final class MissingTables implements InvocationHandler {
  private final Object client;
  private final RepositorySettings settings;

  private MissingTables(Object client, RepositorySettings settings) {
    this.client = client;
    this.settings = settings;
  }

  static DynamoDbClient sync(DynamoDbClient client, RepositorySettings settings) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            new MissingTables(client, settings));
  }

  static DynamoDbAsyncClient async(DynamoDbAsyncClient client, RepositorySettings settings) {
    return (DynamoDbAsyncClient)
        Proxy.newProxyInstance(
            DynamoDbAsyncClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbAsyncClient.class},
            new MissingTables(client, settings));
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    Object result;
    try {
      result = method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause());
    }
    if (result instanceof CompletableFuture<?> future) {
      return future.exceptionallyCompose(
          error -> CompletableFuture.failedFuture(translate(unwrap(error))));
    }
    return result;
  }

  private Throwable translate(Throwable error) {
    return error instanceof ResourceNotFoundException missing
        ? new TableNotFoundException(settings.tableName(), settings.modelType(), missing)
        : error;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
