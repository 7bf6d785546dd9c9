package io.github.pydanticdynamo.sample;

import io.github.pydanticdynamo.test.autoconfigure.LocalDynamoDbAutoConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * Runs the sample on the local engine, without Docker or AWS: Spring Boot's test-run idiom, {@link
 * SampleApplication}'s own {@code main} plus the test kit's {@link LocalDynamoDbAutoConfiguration}
 * (the local engine of {@code pydantic-dynamo-test}, started on a free port and stopped with the
 * JVM; {@code PYDANTIC_DYNAMO_ENDPOINT} names another), from the test classpath. The table is
 * created at startup ({@code pydantic-dynamo.create-tables}) and lives as long as the application:
 * the engine keeps its data in memory.
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
    SpringApplication.from(SampleApplication::main)
        .with(LocalDynamoDbAutoConfiguration.class)
        .run(args);
  }
}
