package io.github.pydanticdynamo.test;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The local engine as a Testcontainers container, for machines with Docker: an image built from the
 * public {@code node} image plus the same pinned dynalite package that {@link DynaliteServer}
 * installs. Without Docker, use {@link LocalDynamoDb#shared()} instead. In a Spring Boot test, a
 * {@code @ServiceConnection} field gives Spring Cloud AWS the container's endpoint, region and
 * credentials ({@code AwsConnectionDetails}), as Spring Cloud AWS does for LocalStack.
 *
 * <pre>{@code
 * @Testcontainers(disabledWithoutDocker = true)
 * @SpringBootTest
 * class ContainerIntegrationTests {
 *   @Container @ServiceConnection static DynaliteContainer dynalite = new DynaliteContainer();
 *
 *   @Autowired DynamoRepository<FilmActor> actors;
 * }
 * }</pre>
 */
public final class DynaliteContainer extends GenericContainer<DynaliteContainer> {
  /** The port dynalite listens on inside the container. */
  public static final int PORT = 8000;

  private static final String RESOURCES = "io/github/pydanticdynamo/test/engine/";

  /** Creates the container definition (the image is built on first start). */
  public DynaliteContainer() {
    super(
        new ImageFromDockerfile("pydantic-dynamo/dynalite", false)
            .withFileFromClasspath("Dockerfile", RESOURCES + "Dockerfile")
            .withFileFromClasspath("package.json", RESOURCES + "package.json")
            .withFileFromClasspath("package-lock.json", RESOURCES + "package-lock.json")
            .withFileFromClasspath("launch.js", RESOURCES + "launch.js"));
    withExposedPorts(PORT);
    waitingFor(Wait.forLogMessage(".*DYNALITE_LISTENING.*", 1));
  }

  /**
   * The engine's endpoint on the host.
   *
   * @return the endpoint URL
   */
  public URI endpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }
}
