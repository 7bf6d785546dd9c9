package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.BatchSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The one retry policy of batch chunks, sync and async: done, retry after a backoff, or give up.
 */
public final class BatchRetry {
  private BatchRetry() {}

  /** What to do after an attempt. */
  public enum Kind {
    DONE,
    RETRY,
    GIVE_UP
  }

  /**
   * The decision after attempt {@code attempt} (1-based).
   *
   * @param kind done, retry or give up
   * @param pending what is still not done
   * @param delay how long to wait before the retry
   * @param cause the failure that ends or delays the chunk, if any
   */
  public record Decision<E>(
      Kind kind, List<E> pending, Duration delay, @Nullable Throwable cause) {}

  public static <E> Decision<E> decide(
      BatchSettings settings, int attempt, List<E> pending, @Nullable Throwable error) {
    Throwable cause = unwrap(error);
    if (cause != null && !isThrottling(cause)) {
      return new Decision<>(Kind.GIVE_UP, pending, Duration.ZERO, cause);
    }
    if (pending.isEmpty()) {
      return new Decision<>(Kind.DONE, pending, Duration.ZERO, null);
    }
    if (attempt >= settings.maxAttempts()) {
      return new Decision<>(Kind.GIVE_UP, pending, Duration.ZERO, cause);
    }
    return new Decision<>(Kind.RETRY, pending, delay(settings, attempt), cause);
  }

  /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
  public static Duration delay(BatchSettings settings, int attempt) {
    long base = settings.baseDelay().toNanos();
    long cap = settings.maxDelay().toNanos();
    long ceiling = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 40));
    if (ceiling <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** Sleeps for a backoff; false when interrupted (the flag is kept). */
  public static boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code next} after {@code delay}, off the calling thread. */
  public static <R> CompletableFuture<R> after(
      Duration delay, Supplier<CompletableFuture<R>> next) {
    Executor delayed = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
    return CompletableFuture.supplyAsync(next, delayed).thenCompose(future -> future);
  }

  /** Throttling and server errors: worth another attempt of the whole chunk. */
  static boolean isThrottling(Throwable error) {
    if (error instanceof ProvisionedThroughputExceededException
        || error instanceof RequestLimitExceededException) {
      return true;
    }
    if (error instanceof SdkServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return false;
  }

  /** The failure inside the {@code CompletionException}s an async stage wraps it in. */
  public static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
