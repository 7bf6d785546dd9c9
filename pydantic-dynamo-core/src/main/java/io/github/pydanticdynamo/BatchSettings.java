package io.github.pydanticdynamo;

import java.time.Duration;

/**
 * How batch operations run: how many chunk requests are in flight at once, and how unprocessed work
 * and throttling are retried (exponential backoff with full jitter, a bounded number of attempts;
 * then {@link UnprocessedItemsException} carries what is left). The same attempts and backoff
 * govern the library's own retries of writes with an exact outcome (putIfAbsent, putIfVersion,
 * conditional puts, updates, deleteItem), which the SDK does not retry.
 *
 * <pre>{@code
 * BatchSettings settings = BatchSettings.defaults().withMaxAttempts(12);
 * DynamoRepository.builder(FilmActor.class).batchSettings(settings)...;
 * }</pre>
 *
 * @param concurrency chunk requests in flight at once (1 = sequential)
 * @param maxAttempts attempts per chunk, including the first
 * @param baseDelay the backoff before the first retry (doubled each attempt, fully jittered)
 * @param maxDelay the cap on one backoff
 */
public record BatchSettings(
    int concurrency, int maxAttempts, Duration baseDelay, Duration maxDelay) {

  private static final BatchSettings DEFAULTS =
      new BatchSettings(8, 10, Duration.ofMillis(25), Duration.ofSeconds(2));

  /** Checks the values. */
  public BatchSettings {
    if (concurrency < 1 || concurrency > 64) {
      throw new InvalidCommandException(
          "batch concurrency " + concurrency + " is out of range; use 1 to 64");
    }
    if (maxAttempts < 1) {
      throw new InvalidCommandException(
          "batch maxAttempts " + maxAttempts + " is out of range; use 1 or more");
    }
    if (baseDelay == null || baseDelay.isNegative() || maxDelay == null || maxDelay.isNegative()) {
      throw new InvalidCommandException(
          "batch delays must be zero or positive durations, got base "
              + baseDelay
              + " and max "
              + maxDelay);
    }
  }

  /**
   * The defaults: 8 chunks in flight, 10 attempts, 25 ms base delay, 2 s cap.
   *
   * @return the defaults
   */
  public static BatchSettings defaults() {
    return DEFAULTS;
  }

  /**
   * These settings with another concurrency.
   *
   * @param value chunk requests in flight at once
   * @return a copy
   */
  public BatchSettings withConcurrency(int value) {
    return new BatchSettings(value, maxAttempts, baseDelay, maxDelay);
  }

  /**
   * These settings with another number of attempts.
   *
   * @param value attempts per chunk, including the first
   * @return a copy
   */
  public BatchSettings withMaxAttempts(int value) {
    return new BatchSettings(concurrency, value, baseDelay, maxDelay);
  }

  /**
   * These settings with other delays.
   *
   * @param base the first backoff
   * @param max the cap on one backoff
   * @return a copy
   */
  public BatchSettings withDelays(Duration base, Duration max) {
    return new BatchSettings(concurrency, maxAttempts, base, max);
  }
}
