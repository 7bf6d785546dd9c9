package io.github.pydanticdynamo.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynaliteServerIntegrationTests {

  @Test
  void closeStopsTheEngineProcess() {
    DynaliteServer server = DynaliteServer.start();
    ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
    assertThat(process.isAlive()).isTrue();
    assertThat(server.startTime()).isPositive();

    server.close();

    assertThat(process.isAlive()).isFalse();
    assertThat(server.isAlive()).isFalse();
  }

  @Test
  void engineDiesWithAKilledJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EngineHolder.class.getName())
            .redirectErrorStream(true)
            .start();
    long enginePid = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ENGINE_PID ")) {
          enginePid = Long.parseLong(line.substring("ENGINE_PID ".length()).trim());
          break;
        }
      }
      assertThat(enginePid).as("the child JVM reported its engine").isPositive();
      Optional<ProcessHandle> engine = ProcessHandle.of(enginePid);
      assertThat(engine).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

      jvm.destroyForcibly(); // SIGKILL: no shutdown hooks run
      jvm.waitFor();

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (engine.get().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(engine.get().isAlive()).as("dynalite outlived its killed JVM").isFalse();
    } finally {
      jvm.destroyForcibly();
      if (enginePid > 0) {
        ProcessHandle.of(enginePid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void anEngineOnDiskKeepsItsTablesAcrossAKill(@TempDir Path data) {
    Map<String, AttributeValue> key =
        Map.of("PK", AttributeValue.fromS("p"), "SK", AttributeValue.fromS("s"));
    DynaliteServer first = DynaliteServer.start(data, 0);
    int port = first.port();
    try (DynamoDbClient client =
        LocalDynamoDb.of(first).newClient(ClientOverrideConfiguration.builder().build())) {
      LocalDynamoDb.of(first).createTable("durable", "PK", "SK");
      client.putItem(b -> b.tableName("durable").item(key));
    }
    first.kill();
    assertThat(first.isAlive()).isFalse();

    try (DynaliteServer second = DynaliteServer.start(data, port);
        DynamoDbClient client =
            LocalDynamoDb.of(second).newClient(ClientOverrideConfiguration.builder().build())) {
      assertThat(second.port()).isEqualTo(port);
      assertThat(client.getItem(b -> b.tableName("durable").key(key).consistentRead(true)).item())
          .isEqualTo(key);
      assertThat(client.listTables().tableNames()).isEqualTo(List.of("durable"));
    }
  }
}
