package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Least privilege and no leaks: the IAM actions each method needs, and nothing in the logs. */
@DynamoDbTest
class SecurityIntegrationTests {

  /** The IAM actions of the README's table, per repository method. */
  static final Map<String, Set<String>> IAM_ACTIONS =
      Map.ofEntries(
          Map.entry("put", Set.of("PutItem")),
          Map.entry("putIfAbsent", Set.of("PutItem", "GetItem")),
          Map.entry("putIfVersion", Set.of("PutItem", "GetItem")),
          Map.entry("putBatch", Set.of("BatchWriteItem")),
          Map.entry("get", Set.of("GetItem")),
          Map.entry("getBatch", Set.of("BatchGetItem")),
          Map.entry("list", Set.of("Query")),
          Map.entry("listBetween", Set.of("Query")),
          Map.entry("update", Set.of("UpdateItem", "GetItem")),
          Map.entry("delete", Set.of("Query", "BatchWriteItem")),
          Map.entry("writeOnce", Set.of("BatchGetItem", "PutItem", "GetItem")),
          Map.entry("deleteItem", Set.of("DeleteItem", "GetItem")),
          Map.entry("deleteBatch", Set.of("BatchWriteItem")),
          Map.entry("conditionalPut", Set.of("PutItem", "GetItem", "Query")),
          Map.entry("conditionalUpdate", Set.of("UpdateItem", "GetItem", "Query")),
          Map.entry("scan", Set.of("Scan")),
          Map.entry("indexQuery", Set.of("Query")));

  /** Two clauses the stored TOM fails, so a refused write asks the engine clause by clause. */
  private static final FilterCommand NEVER =
      FilterCommand.builder().exists("review").equalTo("name", "nobody").build();

  /** Records the operation names a client sends. */
  static final class Recorder implements ExecutionInterceptor {
    final Set<String> operations = java.util.Collections.synchronizedSet(new TreeSet<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  private static final PartitionedContent<FilmActor> TOM =
      PartitionedContent.of(List.of("p"), List.of("tom"), new FilmActor("tom", "Tom", null));

  @Test
  void eachSyncMethodCallsOnlyTheActionsTheReadmeLists(TestTable table) {
    Recorder recorder = new Recorder();
    try (DynamoDbClient client =
        LocalDynamoDb.shared()
            .newClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build())) {
      DynamoRepository<FilmActor> repo =
          RepositoryFixture.sync(FilmActor.class, table, client).build();
      Map<String, Consumer<DynamoRepository<FilmActor>>> calls =
          new java.util.HashMap<>(
              Map.of(
                  "deleteItem",
                  r -> {
                    r.deleteItem(List.of("p"), List.of("tom"));
                    assertThatThrownBy(() -> r.deleteItem(List.of("p"), List.of("tom"), 7))
                        .isInstanceOf(ItemNotFoundException.class);
                  },
                  "deleteBatch",
                  r -> r.deleteBatch(List.of(TOM.key())),
                  "conditionalPut",
                  r -> {
                    r.put(TOM, FilterCommand.builder().notExists("review").build());
                    assertThatThrownBy(() -> r.put(TOM, NEVER))
                        .isInstanceOf(ConditionFailedException.class);
                  },
                  "conditionalUpdate",
                  r ->
                      assertThatThrownBy(
                              () ->
                                  r.update(
                                      List.of("p"),
                                      List.of("tom"),
                                      UpdateCommand.builder().set("review", "x").build(),
                                      NEVER))
                          .isInstanceOf(ConditionFailedException.class),
                  "scan",
                  r -> r.scan(ScanOptions.builder().parallel(2).build()).toList()));
      calls.putAll(
          Map.of(
              "put", r -> r.put(TOM),
              "putIfAbsent", r -> r.putIfAbsent(TOM),
              "putBatch", r -> r.putBatch(List.of(TOM)),
              "get", r -> r.get(List.of("p"), List.of("tom")),
              "getBatch", r -> r.getBatch(List.of(TOM.key())).toList(),
              "list", r -> r.list(List.of("p"), List.of()).toList(),
              "listBetween", r -> r.listBetween(List.of("p"), List.of("a"), List.of("z")).toList(),
              "update",
                  r -> {
                    r.update(
                        List.of("p"),
                        List.of("tom"),
                        UpdateCommand.builder().set("review", "x").build());
                    assertThatThrownBy(
                            () ->
                                r.update(
                                    List.of("p"),
                                    List.of("nobody"),
                                    UpdateCommand.builder().set("review", "x").build()))
                        .isInstanceOf(ItemNotFoundException.class);
                  },
              "writeOnce",
                  r ->
                      new WriteOnceRepository<>(r)
                          .write(List.of(TOM.withItem(new FilmActor("tom", "Changed", null)))),
              "delete", r -> r.delete(List.of("p"), List.of())));
      calls.put(
          "putIfVersion",
          r -> {
            r.putIfVersion(
                TOM, r.get(List.of("p"), List.of("tom")).content().orElseThrow().currentVersion());
            assertThatThrownBy(() -> r.putIfVersion(TOM, 0))
                .isInstanceOf(VersionConflictException.class);
          });
      for (String method :
          List.of(
              "put",
              "putIfAbsent",
              "putIfVersion",
              "putBatch",
              "get",
              "getBatch",
              "list",
              "listBetween",
              "update",
              "writeOnce",
              "delete",
              "deleteItem",
              "deleteBatch",
              "conditionalPut",
              "conditionalUpdate",
              "scan")) {
        recorder.operations.clear();
        calls.get(method).accept(repo);
        assertThat(recorder.operations).as(method).isNotEmpty().isSubsetOf(IAM_ACTIONS.get(method));
      }
    }
  }

  @Test
  void eachAsyncMethodCallsOnlyTheSameActions(TestTable table) {
    Recorder recorder = new Recorder();
    try (DynamoDbAsyncClient client =
        LocalDynamoDb.shared()
            .newAsyncClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build())) {
      AsyncDynamoRepository<FilmActor> repo =
          RepositoryFixture.async(FilmActor.class, table, client).build();
      record Call(String method, Runnable run) {}
      List<Call> calls =
          List.of(
              new Call("put", () -> repo.put(TOM).join()),
              new Call("putIfAbsent", () -> repo.putIfAbsent(TOM).join()),
              new Call(
                  "putIfVersion",
                  () ->
                      assertThatThrownBy(() -> repo.putIfVersion(TOM, 0).join())
                          .hasCauseInstanceOf(VersionConflictException.class)),
              new Call("putBatch", () -> repo.putBatch(List.of(TOM)).join()),
              new Call("get", () -> repo.get(List.of("p"), List.of("tom")).join()),
              new Call(
                  "getBatch",
                  () -> PublisherCollector.collect(repo.getBatch(List.of(TOM.key()))).join()),
              new Call(
                  "list",
                  () -> PublisherCollector.collect(repo.list(List.of("p"), List.of())).join()),
              new Call(
                  "listBetween",
                  () ->
                      PublisherCollector.collect(
                              repo.listBetween(List.of("p"), List.of("a"), List.of("z")))
                          .join()),
              new Call(
                  "update",
                  () ->
                      repo.update(
                              List.of("p"),
                              List.of("tom"),
                              UpdateCommand.builder().set("review", "x").build())
                          .join()),
              new Call(
                  "writeOnce",
                  () -> new AsyncWriteOnceRepository<>(repo).write(List.of(TOM)).join()),
              new Call("delete", () -> repo.delete(List.of("p"), List.of()).join()),
              new Call(
                  "deleteItem",
                  () -> {
                    repo.deleteItem(List.of("p"), List.of("tom")).join();
                    assertThatThrownBy(
                            () -> repo.deleteItem(List.of("p"), List.of("tom"), 1).join())
                        .cause()
                        .isInstanceOf(ItemNotFoundException.class);
                  }),
              new Call("deleteBatch", () -> repo.deleteBatch(List.of(TOM.key())).join()),
              new Call(
                  "conditionalPut",
                  () -> {
                    repo.put(TOM, FilterCommand.builder().notExists("review").build()).join();
                    assertThatThrownBy(() -> repo.put(TOM, NEVER).join())
                        .cause()
                        .isInstanceOf(ConditionFailedException.class);
                  }),
              new Call(
                  "conditionalUpdate",
                  () ->
                      assertThatThrownBy(
                              () ->
                                  repo.update(
                                          List.of("p"),
                                          List.of("tom"),
                                          UpdateCommand.builder().set("review", "x").build(),
                                          NEVER)
                                      .join())
                          .cause()
                          .isInstanceOf(ConditionFailedException.class)),
              new Call(
                  "scan",
                  () ->
                      PublisherCollector.collect(
                              repo.scan(ScanOptions.builder().parallel(2).build()))
                          .join()));
      for (Call call : calls) {
        recorder.operations.clear();
        call.run().run();
        assertThat(recorder.operations)
            .as(call.method())
            .isNotEmpty()
            .isSubsetOf(IAM_ACTIONS.get(call.method()));
      }
    }
  }

  @Test
  void indexQueriesCallOnlyQuerySyncAndAsync() {
    TestTable table = IndexIntegrationTests.tableFor(IndexIntegrationTests.Review.class);
    Recorder recorder = new Recorder();
    ClientOverrideConfiguration config =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build();
    try (DynamoDbClient client = LocalDynamoDb.shared().newClient(config);
        DynamoDbAsyncClient asyncClient = LocalDynamoDb.shared().newAsyncClient(config)) {
      DynamoRepository<IndexIntegrationTests.Review> repo =
          RepositoryFixture.sync(IndexIntegrationTests.Review.class, table, client).build();
      AsyncDynamoRepository<IndexIntegrationTests.Review> async =
          RepositoryFixture.async(IndexIntegrationTests.Review.class, table, asyncClient).build();
      repo.put(
          PartitionedContent.of(
              List.of("p"),
              List.of("r1"),
              new IndexIntegrationTests.Review("r1", "p", "alice", "2024", 3, null)));

      recorder.operations.clear();
      repo.index("by-reviewer").listContents(List.of("alice"), List.of()).toList();
      repo.index("by-rating").listBetween(List.of("p"), List.of("1"), List.of("5")).toList();
      PublisherCollector.collect(async.index("by-reviewer").list(List.of("alice"), List.of()))
          .join();
      assertThat(recorder.operations).isNotEmpty().isSubsetOf(IAM_ACTIONS.get("indexQuery"));
    } finally {
      table.delete();
    }
  }

  @Test
  void itemContentsNeverReachTheLogsAtInfoOrAbove(TestTable table) {
    String secret = "s3cr3t-review-" + System.nanoTime();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
      PartitionedContent<FilmActor> content =
          PartitionedContent.of(List.of("p"), List.of("c"), new FilmActor("c", "Name", secret));
      repo.put(content);
      repo.putBatch(List.of(content));
      repo.get(List.of("p"), List.of("c"));
      repo.list(List.of("p"), List.of()).toList();
      repo.update(
          List.of("p"), List.of("c"), UpdateCommand.builder().set("review", secret + "2").build());
      assertThatThrownBy(
              () ->
                  repo.update(
                      List.of("p"),
                      List.of("c"),
                      UpdateCommand.builder().set("review", secret).currentVersion(9L).build()))
          .isInstanceOf(VersionConflictException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).doesNotContain(secret).doesNotContain("secretAccessKey");
  }
}
