package io.github.pydanticdynamo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your application" blocks are the tagged regions of the smoke projects
 * that {@code mvn verify} builds and tests, so they cannot drift. A block is marked in the README
 * with {@code <!-- snippet: project/path#tag -->} on the line before its fence; the region lies
 * between lines holding {@code tag::tag[]} and {@code end::tag[]}. A path that starts with a
 * module's directory ({@code pydantic-dynamo-core/src/test/...}) names a file of this repository
 * instead: the README's sections on each capability come from tests that run in {@code mvn verify}.
 */
class ReadmeSnippetsTests {
  private static final Path README = Path.of(System.getProperty("readme", "../README.md"));
  private static final Path PROJECTS = Path.of("src/it");
  private static final String CORE_EXAMPLES =
      "pydantic-dynamo-core/src/test/java/io/github/pydanticdynamo/ReadmeExamplesIntegrationTests.java";
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");
  private static final List<String> REQUIRED =
      List.of(
          "starter-only/pom.xml#dependencies",
          "with-bom/pom.xml#bom",
          "starter-only/src/main/resources/application.yml#configuration",
          "starter-only/src/main/java/com/example/films/FilmActor.java#entity",
          "starter-only/src/main/java/com/example/films/ActorService.java#service",
          "starter-only/src/test/java/com/example/films/ActorServiceTests.java#test",
          CORE_EXAMPLES + "#exact-delete",
          CORE_EXAMPLES + "#conditional-writes",
          CORE_EXAMPLES + "#scan",
          CORE_EXAMPLES + "#index-model",
          CORE_EXAMPLES + "#index-query",
          CORE_EXAMPLES + "#index-use",
          CORE_EXAMPLES + "#projection-model",
          CORE_EXAMPLES + "#projection",
          CORE_EXAMPLES + "#tokens",
          CORE_EXAMPLES + "#client-timeouts");

  /** Marker to the block that follows it, in README order. */
  static Map<String, String> readmeBlocks(List<String> lines) {
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).trim());
      if (!marker.matches()) {
        continue;
      }
      int fence = i + 1;
      assertThat(fence < lines.size() && lines.get(fence).startsWith("```"))
          .as("a fenced block right after README line %d (%s)", i + 1, lines.get(i))
          .isTrue();
      List<String> body = new ArrayList<>();
      int line = fence + 1;
      while (line < lines.size() && !lines.get(line).startsWith("```")) {
        body.add(lines.get(line++));
      }
      blocks.put(marker.group(1) + "#" + marker.group(2), String.join("\n", body));
    }
    return blocks;
  }

  /**
   * The lines between the tag's start and end lines, less their common indentation and the blank
   * lines at either end (the formatter puts one after a member).
   */
  static String region(List<String> lines, String tag) {
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("tag::" + tag + "[]")) {
        start = i;
      } else if (lines.get(i).contains("end::" + tag + "[]")) {
        end = i;
      }
    }
    assertThat(start).as("tag::%s[]", tag).isNotNegative();
    assertThat(end).as("end::%s[]", tag).isGreaterThan(start);
    int first = start + 1;
    int last = end;
    while (first < last && lines.get(first).isBlank()) {
      first++;
    }
    while (last > first && lines.get(last - 1).isBlank()) {
      last--;
    }
    List<String> body = lines.subList(first, last);
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }

  /** A smoke project's file, or one of this repository's modules. */
  static Path sourceOf(String path) {
    Path root = README.toAbsolutePath().getParent();
    return path.startsWith("pydantic-dynamo-") ? root.resolve(path) : PROJECTS.resolve(path);
  }

  @Test
  void everyMarkedBlockIsItsTaggedRegion() throws IOException {
    String version = System.getProperty("project.version");
    assertThat(version).as("project.version (set by the build)").isNotBlank();
    Map<String, String> blocks = readmeBlocks(Files.readAllLines(README));
    assertThat(blocks.keySet()).containsAll(REQUIRED);
    blocks.forEach(
        (marker, block) -> {
          String[] fileAndTag = marker.split("#");
          List<String> source;
          try {
            source = Files.readAllLines(sourceOf(fileAndTag[0]));
          } catch (IOException e) {
            throw new AssertionError("README names " + fileAndTag[0] + ", which is missing", e);
          }
          String expected = region(source, fileAndTag[1]).replace("@project.version@", version);
          assertThat(block).as("README block %s", marker).isEqualTo(expected);
        });
  }

  @Test
  void regionsLoseTheirCommonIndentationOnly() {
    List<String> lines =
        List.of(
            "<a>", "  <!-- tag::x[] -->", "  <b>", "    <c/>", "", "  </b>", "  <!-- end::x[] -->");
    assertThat(region(lines, "x")).isEqualTo("<b>\n  <c/>\n\n</b>");
  }
}
