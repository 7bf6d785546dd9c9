package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The harness's sizes and rounds. Each comes from an argument {@code name=value} (or {@code
 * --name=value}), else the system property {@code bench.name}, else its default.
 *
 * @param items items written by putBatch, read by getBatch and list (default 10000)
 * @param singles single puts, and single gets (default 2000)
 * @param updates single updates (default 1000)
 * @param rounds measured rounds; the tables show medians (default 5)
 * @param warmupRounds rounds run first and not counted (setting {@code warmup}, default 1)
 * @param delay the delay the proxy adds to every request in the second phase; zero skips that phase
 *     (setting {@code delayMs}, default 5)
 * @param delayRounds measured rounds through the proxy (default: rounds)
 * @param concurrency pydantic-dynamo's batch concurrency, chunks in flight (default: the library's
 *     default)
 * @param only the contenders to run, by key ({@link #CONTENDER_KEYS}); empty runs all (setting
 *     {@code only}, comma-separated; for profiling one contender at a time)
 */
public record HarnessConfig(
    int items,
    int singles,
    int updates,
    int rounds,
    int warmupRounds,
    List<Duration> delays,
    int delayRounds,
    int concurrency,
    Set<String> only) {

  /** The contenders' keys, in the order of the tables' columns. */
  public static final List<String> CONTENDER_KEYS =
      List.of("oursSync", "oursAsync", "enhanced", "raw", "rawAsync");

  private static final Set<String> NAMES =
      Set.of(
          "items",
          "singles",
          "updates",
          "rounds",
          "warmup",
          "delayMs",
          "delayRounds",
          "concurrency",
          "only");

  /** Checks the values. */
  public HarnessConfig {
    if (items < 1 || singles < 1 || updates < 1 || rounds < 1 || delayRounds < 1) {
      throw new IllegalArgumentException(
          "items, singles, updates, rounds and delayRounds must be at least 1");
    }
    if (warmupRounds < 0 || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("warmup must be at least 0 and delays positive");
    }
    if (updates > singles) {
      throw new IllegalArgumentException(
          "updates ("
              + updates
              + ") change items the single puts wrote: at most singles ("
              + singles
              + ")");
    }
    if (!CONTENDER_KEYS.containsAll(only)) {
      throw new IllegalArgumentException(
          "unknown contenders in only=" + only + "; known: " + CONTENDER_KEYS);
    }
    only = Set.copyOf(only);
    delays = List.copyOf(delays);
  }

  /**
   * Reads the configuration.
   *
   * @param args {@code name=value} arguments, which win over system properties
   * @param properties the system properties ({@code bench.name})
   * @return the configuration
   */
  public static HarnessConfig from(String[] args, Properties properties) {
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("bench.")) {
        values.put(name.substring("bench.".length()), properties.getProperty(name));
      }
    }
    for (String arg : args) {
      String text = arg.startsWith("--") ? arg.substring(2) : arg;
      int equals = text.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "argument '" + arg + "' is not name=value (for example items=2000)");
      }
      values.put(text.substring(0, equals), text.substring(equals + 1));
    }
    if (!NAMES.containsAll(values.keySet())) {
      Set<String> unknown = new LinkedHashSet<>(values.keySet());
      unknown.removeAll(NAMES);
      throw new IllegalArgumentException(
          "unknown settings " + unknown + "; known: " + NAMES.stream().sorted().toList());
    }
    List<Duration> delays = new ArrayList<>();
    for (String text : values.getOrDefault("delayMs", "5,20").split(",")) {
      if (!text.isBlank() && Integer.parseInt(text.trim()) > 0) {
        delays.add(Duration.ofMillis(Integer.parseInt(text.trim())));
      }
    }
    Set<String> only = new LinkedHashSet<>();
    for (String key : values.getOrDefault("only", "").split(",")) {
      if (!key.isBlank()) {
        only.add(key.trim());
      }
    }
    return new HarnessConfig(
        number(values, "items", 10_000),
        number(values, "singles", 2_000),
        number(values, "updates", 1_000),
        number(values, "rounds", 5),
        number(values, "warmup", 1),
        delays,
        number(values, "delayRounds", 3),
        number(values, "concurrency", BatchSettings.defaults().concurrency()),
        only);
  }

  /**
   * Whether a contender runs.
   *
   * @param key its key
   * @return true when {@code only} is empty or names it
   */
  public boolean runs(String key) {
    return only.isEmpty() || only.contains(key);
  }

  private static int number(Map<String, String> values, String name, int fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "setting " + name + "='" + text + "' is not a whole number", e);
    }
  }
}
