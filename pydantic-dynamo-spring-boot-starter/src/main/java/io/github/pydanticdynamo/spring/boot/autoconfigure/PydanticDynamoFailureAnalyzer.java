package io.github.pydanticdynamo.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link PydanticDynamoConfigurationException} as a startup failure with its fix. */
final class PydanticDynamoFailureAnalyzer
    extends AbstractFailureAnalyzer<PydanticDynamoConfigurationException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, PydanticDynamoConfigurationException cause) {
    return new FailureAnalysis(String.valueOf(cause.getMessage()), cause.action(), cause);
  }
}
