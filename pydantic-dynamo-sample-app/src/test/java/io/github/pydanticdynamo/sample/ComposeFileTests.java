package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code compose.yaml} runs the sample from a fresh clone: the application built from source by a
 * multi-stage Dockerfile, the engine on a supported Node.js LTS image, health checks on both. No
 * Docker engine runs on the build machines, so the file is checked by reading it, and by {@code
 * docker compose config} where a Compose CLI is installed.
 */
class ComposeFileTests {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path COMPOSE = MODULE.resolve("compose.yaml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Path dockerfile(Map<String, Object> service) {
    Map<String, Object> build = (Map<String, Object>) service.get("build");
    Path context = MODULE.resolve((String) build.get("context")).normalize();
    return context.resolve((String) build.getOrDefault("dockerfile", "Dockerfile")).normalize();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAppIsBuiltFromSourceAndHealthChecked() throws IOException {
    Map<String, Object> app = service("app");
    Path dockerfile = dockerfile(app);
    assertThat(dockerfile).isEqualTo(MODULE.resolve("Dockerfile"));
    String steps = Files.readString(dockerfile);
    assertThat(steps)
        .containsPattern("(?m)^FROM maven:\\S+ AS build$")
        .containsPattern("(?m)^\\s+mvn .*-pl pydantic-dynamo-sample-app -am .*package")
        .contains("COPY --from=build")
        .doesNotContain("COPY target/");
    assertThat(MODULE.resolve("Dockerfile.dockerignore")).content().contains("**/target/");

    assertThat((Map<String, Object>) app.get("depends_on"))
        .extractingByKey("engine")
        .isEqualTo(Map.of("condition", "service_healthy"));
    assertThat((Map<String, Object>) app.get("healthcheck"))
        .extractingByKey("test")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains("http://localhost:8080/actuator/health");
  }

  @Test
  void theEngineRunsOnASupportedNodeLtsImage() throws IOException {
    Map<String, Object> engine = service("engine");
    assertThat(engine).containsKey("healthcheck");
    String steps = Files.readString(dockerfile(engine));
    Matcher from = Pattern.compile("(?m)^FROM node:(\\d+)-alpine$").matcher(steps);
    assertThat(from.find()).as("a node:<major>-alpine base image in %s", steps).isTrue();
    int major = Integer.parseInt(from.group(1));
    // Even majors are the LTS lines; 20 reached its end of life in April 2026.
    assertThat(major % 2).isZero();
    assertThat(major).isGreaterThanOrEqualTo(22);
  }

  @Test
  void dockerComposeAcceptsTheFile() throws IOException, InterruptedException {
    List<String> compose =
        runs(List.of("docker", "compose", "version"))
            ? List.of("docker", "compose")
            : runs(List.of("docker-compose", "--version")) ? List.of("docker-compose") : null;
    Assumptions.assumeTrue(
        compose != null,
        "no Docker Compose CLI on this machine: compose.yaml was checked by reading it only");
    Process config =
        new ProcessBuilder(concat(compose, List.of("-f", COMPOSE.toString(), "config", "-q")))
            .redirectErrorStream(true)
            .start();
    String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(config.exitValue()).as("%s config says:%n%s", compose, output).isZero();
  }

  private static boolean runs(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
