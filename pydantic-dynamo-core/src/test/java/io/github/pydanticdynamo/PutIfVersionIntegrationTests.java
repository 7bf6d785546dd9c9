package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.LostResponses.Counter;
import io.github.pydanticdynamo.LostResponses.Driver;
import io.github.pydanticdynamo.LostResponses.Writes;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** putIfVersion: a create at 0, a replace at the version read, and what a refusal says. */
@DynamoDbTest
class PutIfVersionIntegrationTests {
  private static final List<String> P = List.of("v");

  private static PartitionedContent<Counter> counter(long count) {
    return PartitionedContent.of(P, List.of("k"), new Counter("k", count, null));
  }

  private static Writes<Counter> writes(Driver driver, TestTable table) {
    return driver == Driver.SYNC
        ? LostResponses.sync(RepositoryFixture.sync(Counter.class, table).build())
        : LostResponses.async(RepositoryFixture.async(Counter.class, table).build());
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void createsAtZeroAndReplacesOnlyAtTheVersionRead(Driver driver, TestTable table) {
    Writes<Counter> writes = writes(driver, table);
    DynamoRepository<Counter> repo = RepositoryFixture.sync(Counter.class, table).build();

    PartitionedContent<Counter> created = writes.putIfVersion(counter(1).withVersion(9), 0);
    assertThat(created.currentVersion()).isEqualTo(1);
    assertThat(repo.get(P, List.of("k")).content()).contains(created);
    assertThat(repo.getItem(P, List.of("k"))).isPresent();

    PartitionedContent<Counter> replaced = writes.putIfVersion(counter(2), 1);
    assertThat(replaced.currentVersion()).isEqualTo(2);
    assertThat(repo.get(P, List.of("k")).content()).contains(replaced);

    assertThatThrownBy(() -> writes.putIfVersion(counter(3), 0))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isZero();
              assertThat(e.storedVersion()).hasValue(2);
              assertThat(e).hasMessageContaining("already exists at version 2");
            });
    assertThatThrownBy(() -> writes.putIfVersion(counter(3), 1))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> assertThat(e).hasMessageContaining("is at version 2, not the expected 1"));
    assertThat(repo.get(P, List.of("k")).content()).contains(replaced);

    repo.deleteItem(P, List.of("k"));
    assertThatThrownBy(() -> writes.putIfVersion(counter(4), 2))
        .isInstanceOf(ItemNotFoundException.class)
        .hasMessageContaining("pass 0 to create it");
    assertThat(repo.get(P, List.of("k")).content()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void aNegativeVersionFailsBeforeAnyRequest(Driver driver, TestTable table) {
    Writes<Counter> writes = writes(driver, table);
    assertThatThrownBy(() -> writes.putIfVersion(counter(1), -1))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("expectedVersion -1");
    assertThat(table.count()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void anItemWrittenWithoutAVersionIsAtVersionOne(Driver driver, TestTable table) {
    Writes<Counter> writes = writes(driver, table);
    RepositoryFixture.sync(Counter.class, table).build().put(counter(1));
    java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
        table.scanAll().get(0);
    table
        .client()
        .updateItem(
            b ->
                b.tableName(table.name())
                    .key(
                        java.util.Map.of(
                            table.partitionKey(), item.get(table.partitionKey()),
                            table.sortKey(), item.get(table.sortKey())))
                    .updateExpression("REMOVE #v")
                    .expressionAttributeNames(java.util.Map.of("#v", "_object_version")));
    assertThat(writes.putIfVersion(counter(5), 1).currentVersion()).isEqualTo(2);
  }
}
