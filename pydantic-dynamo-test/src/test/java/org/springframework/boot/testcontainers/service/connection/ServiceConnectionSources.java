package org.springframework.boot.testcontainers.service.connection;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.containers.Container;

/**
 * Builds the source Spring Boot makes for a {@code @ServiceConnection} container field, without
 * asking Docker for the image name (which Boot does, and which fails where no Docker runs).
 */
public final class ServiceConnectionSources {
  private ServiceConnectionSources() {}

  /** The source of a {@code @ServiceConnection} field holding {@code container}. */
  public static <C extends Container<?>> ContainerConnectionSource<C> of(
      Class<C> containerType, C container) {
    MergedAnnotation<ServiceConnection> annotation = MergedAnnotation.of(ServiceConnection.class);
    return new ContainerConnectionSource<>(
        "test",
        new Origin() {
          @Override
          public String toString() {
            return "@ServiceConnection field";
          }
        },
        containerType,
        null,
        annotation,
        () -> container,
        null,
        MergedAnnotations.of(java.util.List.of()));
  }
}
