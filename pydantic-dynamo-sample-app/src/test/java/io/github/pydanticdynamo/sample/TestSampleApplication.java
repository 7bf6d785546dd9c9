package io.github.pydanticdynamo.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample on the local engine, without Docker or AWS: Spring Boot's test-run idiom, {@link
 * SampleApplication}'s own {@code main} plus {@link LocalEngineConfiguration}, from the test
 * classpath. The table is created at startup ({@code pydantic-dynamo.create-tables}) and lives as
 * long as the application: the engine keeps its data in memory.
 *
 * <pre>{@code
 * mvn -pl pydantic-dynamo-sample-app -am -Prun-local -DskipTests package
 * }</pre>
 */
public final class TestSampleApplication {
  private TestSampleApplication() {}

  /**
   * Starts the sample on the local engine.
   *
   * @param args command-line arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.from(SampleApplication::main).with(LocalEngineConfiguration.class).run(args);
  }
}
