package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.DynamoRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Spreads a repository's independent single-item calls (the write-once puts) over its batch pool,
 * at most the batch settings' concurrency at once.
 */
public final class RepositoryPool {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private RepositoryPool() {}

  /**
   * Runs {@code task} for each index from 0 to {@code count - 1}, with at most {@code concurrency}
   * tasks running at once on the repository's batch pool (a pool of the call's own for a repository
   * that is not one of ours, such as an observed one; the calling thread itself when the
   * concurrency is 1). Only the tasks running are submitted, so a large count costs no queue. A
   * failed task stops the ones not yet started; its exception is thrown once the running ones are
   * done (later failures are added as suppressed).
   *
   * @param repository the repository whose pool and concurrency to use
   * @param count how many tasks
   * @param task the task of an index
   * @return the tasks' results, by index
   * @throws IllegalStateException when the calling thread is interrupted (after the running tasks
   *     are done; the tasks not started are not run, and the interrupt flag is kept)
   */
  public static <R> List<@Nullable R> map(
      DynamoRepository<?> repository, int count, IntFunction<@Nullable R> task) {
    int concurrency = repository.settings().batchSettings().concurrency();
    if (concurrency == 1 || count <= 1) {
      List<@Nullable R> results = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        results.add(task.apply(i));
      }
      return results;
    }
    ExecutorService own = null;
    ExecutorService pool;
    if (repository instanceof DefaultDynamoRepository<?> ours) {
      pool = ours.pool();
    } else {
      own = Executors.newFixedThreadPool(Math.min(concurrency, count), threads());
      pool = own;
    }
    try {
      return run(pool, concurrency, count, task);
    } finally {
      if (own != null) {
        own.shutdown();
      }
    }
  }

  private static <R> List<@Nullable R> run(
      ExecutorService pool, int concurrency, int count, IntFunction<@Nullable R> task) {
    Object[] results = new Object[count];
    ExecutorCompletionService<@Nullable Void> done = new ExecutorCompletionService<>(pool);
    RuntimeException failure = null;
    Error error = null;
    boolean interrupted = false;
    int next = 0;
    int running = 0;
    while (running > 0 || (next < count && failure == null && error == null && !interrupted)) {
      while (next < count
          && running < concurrency
          && failure == null
          && error == null
          && !interrupted) {
        int index = next++;
        done.submit(
            () -> {
              results[index] = task.apply(index);
              return null;
            });
        running++;
      }
      Future<@Nullable Void> finished;
      try {
        finished = done.take();
      } catch (InterruptedException e) {
        interrupted = true; // start nothing more; the running tasks still finish
        continue;
      }
      running--;
      try {
        finished.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        Throwable first = failure != null ? failure : error;
        if (first != null) {
          first.addSuppressed(cause);
        } else if (cause instanceof RuntimeException runtime) {
          failure = runtime;
        } else if (cause instanceof Error fatal) {
          error = fatal;
        } else {
          failure = new IllegalStateException(cause);
        }
      } catch (InterruptedException e) {
        interrupted = true; // cannot happen: the task is done
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (error != null) {
      throw error;
    }
    if (failure != null) {
      throw failure;
    }
    if (interrupted) {
      throw new IllegalStateException(
          "interrupted after "
              + next
              + " of "
              + count
              + " calls were started; the others were not made (they can be made again)");
    }
    @SuppressWarnings("unchecked")
    List<@Nullable R> list = (List<@Nullable R>) (List<?>) Arrays.asList(results);
    return list;
  }

  private static java.util.concurrent.ThreadFactory threads() {
    int id = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(
              runnable, "pydantic-dynamo-write-once-" + id + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
