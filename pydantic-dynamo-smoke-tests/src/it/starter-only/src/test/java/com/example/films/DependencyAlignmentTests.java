package com.example.films;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Not part of an application: the smoke test's check that this application resolved exactly the
 * versions the pydantic-dynamo build tested with. The invoking build passes the list of its own
 * resolved dependencies (maven-dependency-plugin's list of the same three dependencies).
 */
class DependencyAlignmentTests {
  private static final String TESTED = "pydantic-dynamo.tested-dependencies";
  private static final List<String> ALIGNED_GROUPS =
      List.of("software.amazon.awssdk", "io.awspring.cloud", "io.github.pydanticdynamo");

  /** group:artifact to version, from lines like "  group:artifact:jar[:classifier]:version:scope". */
  private static Map<String, String> tested() throws IOException {
    String file = System.getProperty(TESTED);
    assertThat(file).as("system property " + TESTED + " (set by the invoking build)").isNotBlank();
    Map<String, String> versions = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      String[] parts = line.trim().split(" ")[0].split(":");
      if (parts.length >= 5) {
        versions.put(parts[0] + ":" + parts[1], parts[parts.length - 2]);
      }
    }
    assertThat(versions).as("dependencies listed in " + file).isNotEmpty();
    return versions;
  }

  /**
   * group:artifact to version of every jar on this test's class path that the tested list names,
   * or that belongs to a group whose versions must line up (read off its repository path).
   */
  private static Map<String, String> classPath(Map<String, String> tested) {
    Map<String, String> found = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || jar.getNameCount() < 4) {
        continue;
      }
      String version = jar.getParent().getFileName().toString();
      String artifact = jar.getParent().getParent().getFileName().toString();
      String groupPath = jar.getParent().getParent().getParent().toString().replace('\\', '/');
      String key = null;
      for (String candidate : tested.keySet()) {
        String[] ga = candidate.split(":");
        if (ga[1].equals(artifact) && groupPath.endsWith("/" + ga[0].replace('.', '/'))) {
          key = candidate;
        }
      }
      for (String group : ALIGNED_GROUPS) {
        if (key == null && groupPath.endsWith("/" + group.replace('.', '/'))) {
          key = group + ":" + artifact;
        }
      }
      if (key != null) {
        found.put(key, version);
      }
    }
    return found;
  }

  @Test
  void theClassPathHoldsExactlyTheTestedVersions() throws IOException {
    Map<String, String> tested = tested();
    Map<String, String> resolved = classPath(tested);

    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> jar : resolved.entrySet()) {
      String expected = tested.get(jar.getKey());
      if (!jar.getValue().equals(expected)) {
        differences.add(jar.getKey() + " resolved " + jar.getValue() + ", tested " + expected);
      }
    }
    TreeSet<String> missing = new TreeSet<>(tested.keySet());
    missing.removeAll(resolved.keySet());
    assertThat(differences).as("versions that differ from the tested ones").isEmpty();
    assertThat(missing).as("tested dependencies missing from the class path").isEmpty();
  }

  @Test
  void oneAwsSdkVersion() throws IOException {
    TreeSet<String> sdkVersions = new TreeSet<>();
    classPath(tested())
        .forEach(
            (key, version) -> {
              if (key.startsWith("software.amazon.awssdk:")) {
                sdkVersions.add(version);
              }
            });
    assertThat(sdkVersions).hasSize(1);
  }
}
