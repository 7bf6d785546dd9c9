package io.github.pydanticdynamo.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application. The pydantic-dynamo starter finds the {@code @DynamoEntity} records in
 * this package and below, and registers a {@code DynamoRepository<FilmActor>} and a {@code
 * DynamoRepository<ActorReview>} for the services to inject.
 *
 * <pre>{@code
 * mvn -pl pydantic-dynamo-sample-app -am -Prun-local -DskipTests package   # on the local engine
 * }</pre>
 */
@SpringBootApplication
public class SampleApplication {

  /** Created by Spring. */
  SampleApplication() {}

  /**
   * Starts the application.
   *
   * @param args command-line arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
