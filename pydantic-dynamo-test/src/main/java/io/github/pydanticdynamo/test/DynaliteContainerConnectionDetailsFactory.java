package io.github.pydanticdynamo.test;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.net.URI;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Spring Cloud AWS's {@link AwsConnectionDetails} from a {@code @ServiceConnection} {@link
 * DynaliteContainer}, as Spring Cloud AWS's own factory does for LocalStack: every Spring Cloud AWS
 * client then uses the container's endpoint (dynalite answers DynamoDB only).
 */
final class DynaliteContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<DynaliteContainer, AwsConnectionDetails> {
  static final String REGION = "us-east-1";
  static final String ACCESS_KEY = "local";
  static final String SECRET_KEY = "local";

  DynaliteContainerConnectionDetailsFactory() {
    super(ANY_CONNECTION_NAME, "io.awspring.cloud.autoconfigure.core.AwsConnectionDetails");
  }

  @Override
  protected AwsConnectionDetails getContainerConnectionDetails(
      ContainerConnectionSource<DynaliteContainer> source) {
    return new DynaliteConnectionDetails(source);
  }

  /** The container's endpoint on the host; fixed region and credentials, which dynalite accepts. */
  private static final class DynaliteConnectionDetails
      extends ContainerConnectionDetails<DynaliteContainer> implements AwsConnectionDetails {

    DynaliteConnectionDetails(ContainerConnectionSource<DynaliteContainer> source) {
      super(source);
    }

    @Override
    public URI getEndpoint() {
      return getContainer().endpoint();
    }

    @Override
    public String getRegion() {
      return REGION;
    }

    @Override
    public String getAccessKey() {
      return ACCESS_KEY;
    }

    @Override
    public String getSecretKey() {
      return SECRET_KEY;
    }
  }
}
