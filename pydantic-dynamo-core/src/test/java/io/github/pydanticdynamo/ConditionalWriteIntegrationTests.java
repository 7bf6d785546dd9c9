package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.FilterCommand.Operator;
import io.github.pydanticdynamo.Models.Profile;
import io.github.pydanticdynamo.Models.Status;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** put and update with a condition in the filter vocabulary: written when it holds, else named. */
@DynamoDbTest
class ConditionalWriteIntegrationTests {
  private static final List<String> P = List.of("p");

  private static PartitionedContent<Profile> profile(String id) {
    return PartitionedContent.of(P, List.of(id), Profile.of(id));
  }

  private static List<String> failed(ConditionFailedException e) {
    return e.failedConditions().stream().map(c -> c.operator() + " " + c.path()).toList();
  }

  @Test
  void putWritesWhenTheConditionHoldsAndNamesTheFailedClausesWhenNot(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    repo.put(profile("a"));
    PartitionedContent<Profile> renamed =
        profile("a").withItem(Profile.of("a").withoutScores()).withVersion(2);

    repo.put(renamed, FilterCommand.builder().equalTo("status", Status.ACTIVE).build());
    assertThat(repo.get(P, List.of("a")).content()).contains(renamed);

    FilterCommand threeClauses =
        FilterCommand.builder()
            .notExists("nickname") // holds
            .greaterThan("views", 987654) // fails: 0
            .equalTo("address.city", "Shelbyville") // fails: Springfield
            .build();
    assertThatThrownBy(() -> repo.put(profile("a"), threeClauses))
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e -> {
              assertThat(failed(e)).containsExactly("GREATER_THAN views", "EQUAL_TO address.city");
              assertThat(e.itemExists()).isTrue();
              assertThat(e.condition()).isSameAs(threeClauses);
              assertThat(e.key()).isEqualTo(ContentKey.of(P, List.of("a")));
              assertThat(e)
                  .hasMessageContaining("GREATER_THAN views")
                  .hasMessageNotContaining("987654")
                  .hasMessageNotContaining("Shelbyville");
            });
    assertThat(repo.get(P, List.of("a")).content()).contains(renamed);
  }

  @Test
  void onAMissingItemOnlyAbsenceAndInequalityHold(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();

    repo.put(
        profile("new"),
        FilterCommand.builder().notExists("name").notEqualTo("status", Status.RETIRED).build());
    assertThat(table.count()).isEqualTo(1);

    assertThatThrownBy(
            () ->
                repo.put(
                    profile("other"),
                    FilterCommand.builder()
                        .notExists("nickname")
                        .exists("name")
                        .equalTo("views", 0)
                        .build()))
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e -> {
              assertThat(failed(e)).containsExactly("EXISTS name", "EQUAL_TO views");
              assertThat(e.itemExists()).isFalse();
              assertThat(e).hasMessageContaining("there is no such item");
            });
    assertThat(table.count()).isEqualTo(1);
  }

  @Test
  void updateWritesWhenTheConditionHoldsAndLeavesTheItemWhenNot(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    repo.put(profile("a"));
    UpdateCommand rate = UpdateCommand.builder().set("rating", 5).increment("views", 1).build();

    PartitionedContent<Profile> rated =
        repo.update(P, List.of("a"), rate, FilterCommand.builder().notExists("rating").build());
    assertThat(rated.item().rating()).isEqualTo(5);
    assertThat(rated.currentVersion()).isEqualTo(2);

    assertThatThrownBy(
            () ->
                repo.update(
                    P, List.of("a"), rate, FilterCommand.builder().notExists("rating").build()))
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e -> assertThat(failed(e)).containsExactly("NOT_EXISTS rating"));
    assertThat(repo.get(P, List.of("a")).content()).contains(rated);
  }

  @Test
  void theCommandsOwnChecksComeBeforeTheCondition(TestTable table) {
    DynamoRepository<Profile> repo = RepositoryFixture.sync(Profile.class, table).build();
    repo.put(profile("a"));
    FilterCommand never = FilterCommand.builder().equalTo("name", "nobody").build();

    assertThatThrownBy(
            () ->
                repo.update(
                    P,
                    List.of("a"),
                    UpdateCommand.builder().set("rating", 1).currentVersion(7).build(),
                    never))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(
            () ->
                repo.update(
                    P, List.of("missing"), UpdateCommand.builder().set("rating", 1).build(), never))
        .isInstanceOf(ItemNotFoundException.class);
    assertThatThrownBy(
            () ->
                repo.update(
                    P,
                    List.of("missing"),
                    UpdateCommand.builder().set("rating", 1).requireExists(false).build(),
                    never))
        .isInstanceOfSatisfying(
            ConditionFailedException.class, e -> assertThat(e.itemExists()).isFalse());
    assertThat(table.count()).isEqualTo(1);
  }

  @Test
  void asyncPutAndUpdateHaveTheSameOutcomes(TestTable table) {
    AsyncDynamoRepository<Profile> repo = RepositoryFixture.async(Profile.class, table).build();
    repo.put(profile("a"), FilterCommand.builder().notExists("name").build()).join();
    FilterCommand twoClauses =
        FilterCommand.builder().beginsWith("name", "name-").lessThan("views", 0).build();

    assertThatThrownBy(() -> repo.put(profile("a"), twoClauses).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e -> assertThat(failed(e)).containsExactly("LESS_THAN views"));
    assertThatThrownBy(
            () ->
                repo.update(
                        P,
                        List.of("a"),
                        UpdateCommand.builder().set("rating", 2).build(),
                        twoClauses)
                    .join())
        .cause()
        .isInstanceOfSatisfying(
            ConditionFailedException.class,
            e ->
                assertThat(e.failedConditions())
                    .extracting(c -> c.operator())
                    .containsExactly(Operator.LESS_THAN));
    assertThatThrownBy(
            () ->
                repo.update(
                        P,
                        List.of("a"),
                        UpdateCommand.builder().set("rating", 2).currentVersion(3).build(),
                        twoClauses)
                    .join())
        .cause()
        .isInstanceOf(VersionConflictException.class);

    PartitionedContent<Profile> updated =
        repo.update(
                P,
                List.of("a"),
                UpdateCommand.builder().set("rating", 2).build(),
                FilterCommand.builder().greaterThanOrEqual("views", 0).build())
            .join();
    assertThat(updated.item().rating()).isEqualTo(2);
    assertThat(table.count()).isEqualTo(1);
  }
}
