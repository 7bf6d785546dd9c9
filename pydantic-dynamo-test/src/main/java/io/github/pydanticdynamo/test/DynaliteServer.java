package io.github.pydanticdynamo.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dynalite process on 127.0.0.1, started as a child of this JVM.
 *
 * <p>The npm package is installed with {@code npm ci} from the lock file shipped in this jar into a
 * cache folder ({@code PYDANTIC_DYNAMO_CACHE}, default {@code ~/.cache/pydantic-dynamo}) the first
 * time it is needed. The child exits when its stdin closes, so it dies with the JVM even after
 * {@code kill -9}; {@link #close()} stops it earlier.
 *
 * <pre>{@code
 * try (DynaliteServer server = DynaliteServer.start()) {
 *   URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public final class DynaliteServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DynaliteServer.class);
  private static final String RESOURCES = "/io/github/pydanticdynamo/test/engine/";
  private static final List<String> ENGINE_FILES =
      List.of("package.json", "package-lock.json", "launch.js");
  private static final String LISTENING = "DYNALITE_LISTENING ";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final @Nullable Path dataDirectory;
  private final Duration installTime;
  private final Duration startTime;

  private DynaliteServer(
      Process process,
      int port,
      @Nullable Path dataDirectory,
      Duration installTime,
      Duration startTime) {
    this.process = process;
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.installTime = installTime;
    this.startTime = startTime;
  }

  /**
   * Starts an in-memory engine on a free port.
   *
   * @return the running engine
   * @throws LocalEngineException when Node.js is missing or the engine does not start
   */
  public static DynaliteServer start() {
    return start(null, 0);
  }

  /**
   * Starts an engine that keeps its tables in {@code dataDirectory} (so a restarted engine sees
   * what an earlier one wrote), on {@code port} (0 for a free one).
   *
   * @param dataDirectory where LevelDB files go, or {@code null} for memory
   * @param port the port, or 0 for a free one
   * @return the running engine
   * @throws LocalEngineException when Node.js is missing or the engine does not start
   */
  public static DynaliteServer start(@Nullable Path dataDirectory, int port) {
    long installStart = System.nanoTime();
    Path home = install();
    Duration installTime = Duration.ofNanos(System.nanoTime() - installStart);

    long spawnStart = System.nanoTime();
    ProcessBuilder builder =
        new ProcessBuilder(nodeExecutable(), home.resolve("launch.js").toString())
            .directory(home.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("DYNALITE_PORT", Integer.toString(port));
    env.remove("DYNALITE_DETACHED");
    if (dataDirectory != null) {
      env.put("DYNALITE_PATH", dataDirectory.toAbsolutePath().toString());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw nodeMissing(e);
    }
    int actualPort = awaitPort(process);
    Duration startTime = Duration.ofNanos(System.nanoTime() - spawnStart);
    DynaliteServer server =
        new DynaliteServer(process, actualPort, dataDirectory, installTime, startTime);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-stop-" + actualPort));
    log.info(
        "dynalite started on 127.0.0.1:{} (install check {} ms, spawn to ready {} ms)",
        actualPort,
        installTime.toMillis(),
        startTime.toMillis());
    return server;
  }

  /**
   * The engine's endpoint, for {@code endpointOverride}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * The port the engine listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Where the engine keeps its data, when it is not in memory.
   *
   * @return the folder, or {@code null} for an in-memory engine
   */
  public @Nullable Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * How long finding (or installing) the npm package took for this start.
   *
   * @return the duration
   */
  public Duration installTime() {
    return installTime;
  }

  /**
   * How long it took from spawning the process until it listened.
   *
   * @return the duration
   */
  public Duration startTime() {
    return startTime;
  }

  /**
   * The operating-system process id of the engine.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Whether the engine process is still running.
   *
   * @return true while it runs
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the engine at once, as a crash would (for fault-injection tests). */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Stops the engine; does nothing when it has already stopped. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.getOutputStream().close();
      } catch (IOException ignored) {
        // closing stdin is only the polite way; destroy() below is the sure one
      }
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int awaitPort(Process process) {
    List<String> output = new ArrayList<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> readOutput(process.getInputStream(), output, port),
            "dynalite-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      String printed;
      synchronized (output) {
        printed = String.join("\n", output);
      }
      throw new LocalEngineException(
          "dynalite did not start within "
              + START_TIMEOUT.toSeconds()
              + " s; it printed:\n"
              + printed
              + "\nDelete the cache folder "
              + cacheRoot()
              + " to reinstall it, or set PYDANTIC_DYNAMO_ENDPOINT to use another engine.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new LocalEngineException("interrupted while waiting for dynalite to start", e);
    }
  }

  private static void readOutput(
      InputStream stream, List<String> output, CompletableFuture<Integer> port) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!port.isDone() && line.startsWith(LISTENING)) {
          port.complete(Integer.parseInt(line.substring(LISTENING.length()).trim()));
        } else if (!port.isDone()) {
          synchronized (output) {
            output.add(line);
          }
        } else {
          log.debug("dynalite: {}", line);
        }
      }
    } catch (IOException | RuntimeException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IOException("dynalite exited before it listened"));
  }

  /** Installs the pinned npm package once per lock-file content, safely across JVMs. */
  static Path install() {
    byte[][] files = ENGINE_FILES.stream().map(DynaliteServer::resource).toArray(byte[][]::new);
    Path home = cacheRoot().resolve("dynalite-" + digest(files));
    Path marker = home.resolve(".installed");
    if (Files.exists(marker)) {
      return home;
    }
    try {
      Files.createDirectories(home);
      try (FileChannel channel =
              FileChannel.open(
                  home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (Files.exists(marker)) {
          return home;
        }
        for (int i = 0; i < files.length; i++) {
          Path target = home.resolve(ENGINE_FILES.get(i));
          Path temp = Files.createTempFile(home, "engine", ".tmp");
          Files.write(temp, files[i]);
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        runNpmCi(home);
        Files.writeString(marker, "ok\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the dynalite folder " + home, e);
    }
    return home;
  }

  private static void runNpmCi(Path home) {
    long start = System.nanoTime();
    List<String> command =
        List.of(
            npmExecutable(),
            "ci",
            "--omit=dev",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error");
    Process npm;
    try {
      npm = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw nodeMissing(e);
    }
    try {
      npm.getOutputStream().close();
      String printed = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new LocalEngineException(
            "`npm ci` for dynalite failed in "
                + home
                + ":\n"
                + printed
                + "\nCheck that the npm registry is reachable, or set PYDANTIC_DYNAMO_ENDPOINT"
                + " to use another DynamoDB-compatible engine.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      npm.destroyForcibly();
      throw new LocalEngineException("interrupted while installing dynalite", e);
    }
    log.info(
        "installed dynalite into {} in {} ms",
        home,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  private static LocalEngineException nodeMissing(IOException cause) {
    return new LocalEngineException(
        "The local DynamoDB engine (dynalite) needs Node.js 20 or newer with npm on the PATH"
            + " (or set PYDANTIC_DYNAMO_NODE / PYDANTIC_DYNAMO_NPM to the executables). Install"
            + " Node.js, or set PYDANTIC_DYNAMO_ENDPOINT=http://host:port to use another"
            + " DynamoDB-compatible endpoint instead.",
        cause);
  }

  private static String nodeExecutable() {
    return setting("PYDANTIC_DYNAMO_NODE", "node");
  }

  private static String npmExecutable() {
    return setting("PYDANTIC_DYNAMO_NPM", "npm");
  }

  static Path cacheRoot() {
    String configured = System.getenv("PYDANTIC_DYNAMO_CACHE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "pydantic-dynamo");
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static byte[] resource(String name) {
    try (InputStream in = DynaliteServer.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new LocalEngineException("missing engine resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[][] files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] file : files) {
        sha.update(file);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
