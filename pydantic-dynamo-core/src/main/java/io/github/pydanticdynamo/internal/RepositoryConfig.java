package io.github.pydanticdynamo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.RepositorySettings;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Everything a repository is built from, after defaults and checks.
 *
 * @param settings the public settings
 * @param objectMapper the caller's mapper, or null for the default
 * @param validator a jakarta.validation.Validator, or null
 * @param clock the clock for timestamps and expiry
 */
record RepositoryConfig(
    RepositorySettings settings,
    @Nullable ObjectMapper objectMapper,
    @Nullable Object validator,
    Clock clock) {

  BatchSettings batch() {
    return settings.batchSettings();
  }
}
