package io.github.pydanticdynamo.spring.boot.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.RepositorySettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RepositoryObservationTests {
  record Note(String id) {}

  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final RepositoryObservation observation =
      new RepositoryObservation(
          registry,
          new RepositorySettings(
              Note.class,
              "table",
              "PK",
              "SK",
              "app",
              "notes",
              "note",
              false,
              false,
              BatchSettings.defaults()));

  @Test
  void cancellingTheObservedFutureCancelsTheCallsOwnAndEndsTheObservation() {
    CompletableFuture<String> call = new CompletableFuture<>();
    CompletableFuture<String> observed = observation.observeAsync("get", () -> call);
    TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(1);
    assertThat(call).isNotDone();

    assertThat(observed.cancel(true)).isTrue();

    assertThat(call).isCancelled();
    TestObservationRegistryAssert.assertThat(registry)
        .hasSingleObservationThat()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("outcome", "error");
    TestObservationRegistryAssert.assertThat(registry)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .extracting(Observation.Context::getError)
                    .singleElement()
                    .isInstanceOf(CancellationException.class));
  }

  @Test
  void aCallThatCompletesIsObservedAsASuccessAndNothingIsCancelled() {
    CompletableFuture<String> call = new CompletableFuture<>();
    CompletableFuture<String> observed = observation.observeAsync("get", () -> call);

    call.complete("done");

    assertThat(observed).isCompletedWithValue("done");
    TestObservationRegistryAssert.assertThat(registry)
        .hasSingleObservationThat()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("outcome", "success");
  }
}
