package io.github.pydanticdynamo.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionSources;

/**
 * A {@code @ServiceConnection} {@link DynaliteContainer} gives Spring Cloud AWS its connection: the
 * factory is registered in {@code META-INF/spring.factories} and answers for the container. The
 * endpoint needs a started container, so Docker: {@code DynaliteServiceConnectionIntegrationTests}.
 */
class DynaliteContainerConnectionDetailsFactoryTests {

  @Test
  void aDynaliteContainerSourceYieldsAwsConnectionDetails() {
    DynaliteContainer container = new DynaliteContainer();
    Map<Class<?>, ConnectionDetails> details =
        new ConnectionDetailsFactories(getClass().getClassLoader())
            .getConnectionDetails(
                ServiceConnectionSources.of(DynaliteContainer.class, container), true);
    assertThat(details).containsOnlyKeys(AwsConnectionDetails.class);
    AwsConnectionDetails aws = (AwsConnectionDetails) details.get(AwsConnectionDetails.class);
    assertThat(aws.getRegion()).isEqualTo("us-east-1");
    assertThat(aws.getAccessKey()).isEqualTo("local");
    assertThat(aws.getSecretKey()).isEqualTo("local");
  }
}
