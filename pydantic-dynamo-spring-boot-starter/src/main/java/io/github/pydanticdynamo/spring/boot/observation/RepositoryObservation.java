package io.github.pydanticdynamo.spring.boot.observation;

import io.github.pydanticdynamo.RepositorySettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Starts and stops the observation of one repository operation. */
final class RepositoryObservation {
  private static final String NAME = ObservedDynamoRepository.OBSERVATION_NAME;
  private static final String OUTCOME = "outcome";
  private static final String SUCCESS = "success";
  private static final String ERROR = "error";

  private final ObservationRegistry registry;
  private final String entity;
  private final String table;

  RepositoryObservation(ObservationRegistry registry, RepositorySettings settings) {
    this.registry = registry;
    this.entity = settings.modelType().getSimpleName();
    this.table = settings.tableName();
  }

  <R> R observe(String operation, Supplier<R> call) {
    Observation observation = start(operation);
    Observation.Scope scope = observation.openScope();
    try {
      R result = call.get();
      observation.lowCardinalityKeyValue(OUTCOME, SUCCESS);
      return result;
    } catch (RuntimeException | Error e) {
      observation.lowCardinalityKeyValue(OUTCOME, ERROR);
      observation.error(e);
      throw e;
    } finally {
      scope.close();
      observation.stop();
    }
  }

  void observeRun(String operation, Runnable call) {
    observe(
        operation,
        () -> {
          call.run();
          return null;
        });
  }

  /** Observes until the future completes; the returned future completes after the stop. */
  <R> CompletableFuture<R> observeAsync(String operation, Supplier<CompletableFuture<R>> call) {
    Observation observation = start(operation);
    CompletableFuture<R> future;
    Observation.Scope scope = observation.openScope();
    try {
      future = call.get();
    } catch (RuntimeException | Error e) {
      scope.close();
      observation.lowCardinalityKeyValue(OUTCOME, ERROR);
      observation.error(e);
      observation.stop();
      throw e;
    }
    scope.close();
    // The caller's future is one of its own, completed after the observation stops: a stage
    // depending on the call's future would skip the stop if the caller cancelled it first.
    CompletableFuture<R> observed = new CompletableFuture<>();
    future.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            observation.lowCardinalityKeyValue(OUTCOME, SUCCESS);
          } else {
            observation.lowCardinalityKeyValue(OUTCOME, ERROR);
            observation.error(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          }
          observation.stop();
          if (failure == null) {
            observed.complete(result);
          } else {
            observed.completeExceptionally(
                failure instanceof CompletionException
                    ? failure
                    : new CompletionException(failure));
          }
        });
    // Cancelling the caller's future cancels the call's own (a putBatch stops sending), which then
    // ends the observation with the cancellation.
    observed.whenComplete(
        (result, failure) -> {
          if (observed.isCancelled()) {
            future.cancel(false);
          }
        });
    return observed;
  }

  private Observation start(String operation) {
    return Observation.createNotStarted(NAME, registry)
        .contextualName("dynamo " + operation)
        .lowCardinalityKeyValue("operation", operation)
        .lowCardinalityKeyValue("entity", entity)
        .lowCardinalityKeyValue("table", table)
        .start();
  }
}
