package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * What Spring Boot reports for a failed start: every registered analyzer, in order, as Boot does.
 */
final class StartupFailures {
  private StartupFailures() {}

  /** The report of the first analyzer that explains the failure, as Spring Boot picks it. */
  static @Nullable FailureAnalysis analyze(Throwable failure) {
    ArgumentResolver arguments =
        ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
            .and(Environment.class, new StandardEnvironment());
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation(StartupFailures.class.getClassLoader())
            .load(
                FailureAnalyzer.class,
                arguments,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, error) -> {}));
    AnnotationAwareOrderComparator.sort(analyzers);
    for (FailureAnalyzer analyzer : analyzers) {
      FailureAnalysis analysis = analyzer.analyze(failure);
      if (analysis != null) {
        return analysis;
      }
    }
    return null;
  }

  /** Runs the context, expects it to fail, and checks what Spring Boot would report. */
  static void expect(ApplicationContextRunner runner, Consumer<FailureAnalysis> check) {
    runner.run(
        (AssertableApplicationContext context) -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = analyze(context.getStartupFailure());
          assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
          check.accept(analysis);
        });
  }
}
