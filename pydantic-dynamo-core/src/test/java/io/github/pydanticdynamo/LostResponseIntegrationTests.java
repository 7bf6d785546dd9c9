package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.LostResponses.Counter;
import io.github.pydanticdynamo.LostResponses.Driver;
import io.github.pydanticdynamo.LostResponses.Writes;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.LostResponseProxy;
import io.github.pydanticdynamo.test.LostResponseProxy.Fault;
import io.github.pydanticdynamo.test.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every single-item write and both batch calls, sync and async, through {@link LostResponseProxy}:
 * the response of a call the engine applied is dropped ({@link Fault#LOSE_RESPONSE}), or the call
 * never reaches the engine ({@link Fault#LOSE_REQUEST}); the caller must be told exactly what
 * happened, or {@link WriteOutcomeUnknownException}, never a wrong answer. Each test alternates the
 * two faults over {@code lost.rounds} rounds (default 30) and checks the stored item every time.
 */
@DynamoDbTest
class LostResponseIntegrationTests {
  private static final int ROUNDS = Integer.getInteger("lost.rounds", 30);
  private static final List<String> P = List.of("lost");

  private LostResponseProxy proxy;

  @BeforeEach
  void startProxy() {
    proxy = LostResponseProxy.start(LocalDynamoDb.shared().endpoint());
  }

  @AfterEach
  void stopProxy() {
    assertThat(proxy.errors()).isEmpty();
    proxy.close();
  }

  @AfterAll
  static void report() {
    System.out.println(
        "LostResponseIntegrationTests: "
            + LostResponses.LOSSES.get()
            + " injected losses, "
            + LostResponses.UNKNOWNS.get()
            + " outcomes reported unknown (each asserted)");
  }

  private static PartitionedContent<Counter> counter(String id, long count, String note) {
    return PartitionedContent.of(P, List.of(id), new Counter(id, count, note));
  }

  private static ContentKey key(String id) {
    return ContentKey.of(P, List.of(id));
  }

  private static Fault fault(int round) {
    return round % 2 == 0 ? Fault.LOSE_RESPONSE : Fault.LOSE_REQUEST;
  }

  /** Arms one loss of the next {@code operation} call. */
  private void lose(String operation, Fault fault) {
    proxy.loseNext(operation, fault);
    LostResponses.LOSSES.incrementAndGet();
  }

  private void fired() {
    assertThat(proxy.armed()).as("the injected loss happened").isZero();
  }

  private static DynamoRepository<Counter> direct(TestTable table) {
    return RepositoryFixture.sync(Counter.class, table).build();
  }

  private static Optional<PartitionedContent<Counter>> stored(TestTable table, String id) {
    return direct(table).get(P, List.of(id)).content();
  }

  private static void unknown(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(WriteOutcomeUnknownException.class);
    LostResponses.UNKNOWNS.incrementAndGet();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void theSdkDoesNotRetryExactWritesButDoesRetryPlainPuts(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    lose("PutItem", Fault.LOSE_REQUEST);
    assertThat(writes.putIfAbsent(counter("a", 0, "x"))).isTrue();
    fired();
    // the dropped attempt, then the library's check and its guarded resend: no SDK retry
    assertThat(proxy.calls("PutItem")).isEqualTo(2);
    assertThat(proxy.calls("GetItem")).isEqualTo(1);

    lose("PutItem", Fault.LOSE_RESPONSE);
    writes.put(counter("b", 0, "x"));
    fired();
    // a plain put is idempotent: the SDK's own retry resends it, nothing is read
    assertThat(proxy.calls("PutItem")).isEqualTo(4);
    assertThat(proxy.calls("GetItem")).isEqualTo(1);
    assertThat(stored(table, "b").orElseThrow().item()).isEqualTo(new Counter("b", 0, "x"));
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void putIfAbsentAnswersTrueWhenThisCallCreatedTheItem(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    for (int round = 0; round < 2 * ROUNDS; round++) {
      PartitionedContent<Counter> content = counter("c" + round, round, "created");
      lose("PutItem", fault(round));
      assertThat(writes.putIfAbsent(content)).as("round %d", round).isTrue();
      fired();
      assertThat(stored(table, "c" + round)).contains(content);
      assertThat(writes.putIfAbsent(content.withItem(new Counter("x", 0, "x")))).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aConditionalPutIsReportedWrittenWhenItWasWritten(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    direct(table).put(counter("p", 0, "first"));
    for (int round = 0; round < 2 * ROUNDS; round++) {
      PartitionedContent<Counter> next = counter("p", round + 1, "round " + round);
      lose("PutItem", fault(round));
      writes.put(next, FilterCommand.builder().equalTo("count", (long) round).build());
      fired();
      assertThat(stored(table, "p")).contains(next);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void putIfVersionReportsTheVersionItWroteAt(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    for (int round = 0; round < 2 * ROUNDS; round++) {
      lose("PutItem", fault(round));
      PartitionedContent<Counter> written = writes.putIfVersion(counter("v", round, "r"), round);
      fired();
      assertThat(written.currentVersion()).isEqualTo(round + 1);
      assertThat(stored(table, "v")).contains(written);
    }
    assertThatThrownBy(() -> writes.putIfVersion(counter("v", 0, "stale"), 3))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("not the expected 3");
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aSetUpdateIsAppliedOnceAndAnswersTheStoredItem(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    direct(table).put(counter("s", 0, "start"));
    for (int round = 0; round < 2 * ROUNDS; round++) {
      lose("UpdateItem", fault(round));
      PartitionedContent<Counter> updated =
          writes.update(key("s"), UpdateCommand.builder().set("note", "n" + round).build());
      fired();
      assertThat(updated.item().note()).isEqualTo("n" + round);
      assertThat(updated.currentVersion()).isEqualTo(round + 2);
      assertThat(stored(table, "s")).contains(updated);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aBlindIncrementIsNeverAppliedTwice(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    direct(table).put(counter("i", 0, "start"));
    long expected = 0;
    for (int round = 0; round < 2 * ROUNDS; round++) {
      Fault fault = fault(round);
      lose("UpdateItem", fault);
      UpdateCommand increment = UpdateCommand.builder().increment("count", 1).build();
      if (fault == Fault.LOSE_RESPONSE) {
        // applied, response lost: the stored write id shows it landed
        expected++;
        assertThat(writes.update(key("i"), increment).item().count()).isEqualTo(expected);
      } else {
        // never applied, but that cannot be proven: not resent, reported unknown
        unknown(() -> writes.update(key("i"), increment));
      }
      fired();
      assertThat(stored(table, "i").orElseThrow().item().count()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aVersionedIncrementIsAppliedExactlyOnce(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    direct(table).put(counter("vi", 0, "start"));
    for (int round = 0; round < 2 * ROUNDS; round++) {
      long version = stored(table, "vi").orElseThrow().currentVersion();
      lose("UpdateItem", fault(round));
      PartitionedContent<Counter> updated =
          writes.update(
              key("vi"),
              UpdateCommand.builder().currentVersion(version).increment("count", 1).build());
      fired();
      assertThat(updated.item().count()).isEqualTo(round + 1);
      assertThat(updated.currentVersion()).isEqualTo(version + 1);
      assertThat(stored(table, "vi")).contains(updated);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void deleteItemReturnsTheOldItemOrSaysItIsGoneWithoutGuessing(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    for (int round = 0; round < 2 * ROUNDS; round++) {
      String id = "d" + round;
      PartitionedContent<Counter> old = counter(id, round, "old");
      direct(table).put(old);
      Fault fault = fault(round);
      boolean versioned = round % 4 >= 2;
      lose("DeleteItem", fault);
      if (fault == Fault.LOSE_REQUEST) {
        assertThat(
                versioned
                    ? writes.deleteItem(key(id), 1)
                    : writes.deleteItem(key(id)).orElseThrow())
            .isEqualTo(old);
      } else {
        // deleted, and its old content went with the response: gone, but not claimed
        unknown(
            () -> {
              if (versioned) {
                writes.deleteItem(key(id), 1);
              } else {
                writes.deleteItem(key(id));
              }
            });
      }
      fired();
      assertThat(stored(table, id)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void plainPutsAndBatchesAreIdempotentAndComplete(Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    for (int round = 0; round < ROUNDS; round++) {
      PartitionedContent<Counter> content = counter("plain", round, "r");
      lose("PutItem", fault(round));
      writes.put(content);
      fired();
      assertThat(stored(table, "plain")).contains(content);
    }
    for (int round = 0; round < ROUNDS; round++) {
      int r = round;
      List<PartitionedContent<Counter>> batch =
          IntStream.range(0, 60).mapToObj(i -> counter("b" + i, r, "batch")).toList();
      lose("BatchWriteItem", fault(round));
      writes.putBatch(batch);
      fired();
      List<ContentKey> keys = batch.stream().map(PartitionedContent::key).toList();
      lose("BatchGetItem", fault(round + 1));
      assertThat(writes.getBatch(keys)).containsExactlyInAnyOrderElementsOf(batch);
      fired();
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aWriteByAnotherBetweenTheLossAndTheCheckIsReportedUnknownNeverWrong(
      Driver driver, TestTable table) {
    Writes<Counter> writes = LostResponses.writes(driver, Counter.class, table, proxy);
    DynamoRepository<Counter> other = direct(table);
    int rounds = Math.max(2, ROUNDS / 5);
    List<String> cases = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String id = "o" + round;
      PartitionedContent<Counter> theirs = counter(id, 100, "theirs");

      // putIfAbsent applied, then replaced by another writer: "true" can no longer be proven
      proxy.loseNext("PutItem", Fault.LOSE_RESPONSE, () -> other.put(theirs));
      LostResponses.LOSSES.incrementAndGet();
      unknown(() -> writes.putIfAbsent(counter(id, 1, "mine")));
      fired();
      assertThat(stored(table, id)).contains(theirs);

      // putIfAbsent never arrived, another writer created the item: "false" cannot be proven
      String id2 = id + "-late";
      proxy.loseNext("PutItem", Fault.LOSE_REQUEST, () -> other.put(counter(id2, 100, "theirs")));
      LostResponses.LOSSES.incrementAndGet();
      unknown(() -> writes.putIfAbsent(counter(id2, 1, "mine")));
      fired();
      assertThat(stored(table, id2).orElseThrow().item().note()).isEqualTo("theirs");

      // versioned update applied, then another update: not applied again, not a conflict
      long version = stored(table, id).orElseThrow().currentVersion();
      proxy.loseNext(
          "UpdateItem",
          Fault.LOSE_RESPONSE,
          () -> other.update(P, List.of(id), UpdateCommand.builder().set("note", "later").build()));
      LostResponses.LOSSES.incrementAndGet();
      unknown(
          () ->
              writes.update(
                  key(id),
                  UpdateCommand.builder().currentVersion(version).increment("count", 1).build()));
      fired();
      assertThat(stored(table, id).orElseThrow().item().count()).isEqualTo(101);

      // blind increment applied, then another increment: never applied a second time
      proxy.loseNext(
          "UpdateItem",
          Fault.LOSE_RESPONSE,
          () ->
              other.update(P, List.of(id), UpdateCommand.builder().increment("count", 1).build()));
      LostResponses.LOSSES.incrementAndGet();
      unknown(() -> writes.update(key(id), UpdateCommand.builder().increment("count", 1).build()));
      fired();
      assertThat(stored(table, id).orElseThrow().item().count()).isEqualTo(103);

      // putIfVersion applied, then replaced: the replacement is kept, the call is not a conflict
      long now = stored(table, id).orElseThrow().currentVersion();
      PartitionedContent<Counter> replacement = counter(id, 7, "replacement");
      proxy.loseNext("PutItem", Fault.LOSE_RESPONSE, () -> other.put(replacement));
      LostResponses.LOSSES.incrementAndGet();
      unknown(() -> writes.putIfVersion(counter(id, 5, "mine"), now));
      fired();
      assertThat(stored(table, id)).contains(replacement);

      // a set update applied, then another writer's update: sent again over it, the set holds
      proxy.loseNext(
          "UpdateItem",
          Fault.LOSE_RESPONSE,
          () ->
              other.update(P, List.of(id), UpdateCommand.builder().increment("count", 1).build()));
      LostResponses.LOSSES.incrementAndGet();
      PartitionedContent<Counter> set =
          writes.update(key(id), UpdateCommand.builder().set("note", "set").build());
      fired();
      assertThat(stored(table, id)).contains(set);
      assertThat(set.item()).isEqualTo(new Counter(id, 8, "set"));

      // a delete that never arrived while another writer deleted the item: not claimed
      proxy.loseNext("DeleteItem", Fault.LOSE_REQUEST, () -> other.deleteItem(P, List.of(id)));
      LostResponses.LOSSES.incrementAndGet();
      unknown(() -> writes.deleteItem(key(id)));
      fired();
      assertThat(stored(table, id)).isEmpty();
      cases.add(id);
    }
    assertThat(cases).hasSize(rounds);
  }
}
