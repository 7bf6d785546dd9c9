package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The test module makes tables without depending on the core (the core's tests depend on it): its
 * tables must stay the layout's.
 */
class TableLayoutIntegrationTests {
  private final LocalDynamoDb db = LocalDynamoDb.shared();

  @Test
  void theTestModulesTablesHaveTheLayoutsKeysAndDefaults() throws Exception {
    TestTable table = db.createTable("PK", "SK");
    try {
      TableDescription described =
          db.client().describeTable(b -> b.tableName(table.name())).table();
      assertThat(TableLayout.of("PK", "SK").matches(described)).isTrue();
      assertThat(described.attributeDefinitions())
          .containsExactlyInAnyOrderElementsOf(TableLayout.of("PK", "SK").attributeDefinitions());
    } finally {
      table.delete();
    }
    assertThat(DynamoDbTest.class.getMethod("partitionKey").getDefaultValue())
        .isEqualTo(TableLayout.DEFAULT_PARTITION_KEY);
    assertThat(DynamoDbTest.class.getMethod("sortKey").getDefaultValue())
        .isEqualTo(TableLayout.DEFAULT_SORT_KEY);
  }

  @Test
  void theLayoutsCreateTableRequestMakesATestTable() {
    String name = "layout-" + UUID.randomUUID();
    TestTable table = db.createTable(TableLayout.of("PK", "SK").createTableRequest(name));
    try {
      assertThat(table.name()).isEqualTo(name);
      assertThat(table.partitionKey()).isEqualTo("PK");
      assertThat(table.sortKey()).isEqualTo("SK");
      assertThat(
              TableLayout.of("PK", "SK")
                  .matches(db.client().describeTable(b -> b.tableName(name)).table()))
          .isTrue();
    } finally {
      table.delete();
    }
  }

  @Test
  void theLayoutsCreateTableRequestMakesItsIndexesAndMatchesChecksThem() {
    SecondaryIndex byName = SecondaryIndex.global("by-name").partitionIds("name").build();
    SecondaryIndex byRating = SecondaryIndex.local("by-rating").contentIds("rating").build();
    TableLayout layout = TableLayout.of("PK", "SK").withIndexes(List.of(byName, byRating));
    String name = "layout-" + UUID.randomUUID();
    TestTable table = db.createTable(layout.createTableRequest(name));
    TestTable plain = db.createTable("PK", "SK");
    try {
      TableDescription described = db.client().describeTable(b -> b.tableName(name)).table();
      assertThat(described.globalSecondaryIndexes())
          .singleElement()
          .satisfies(gsi -> assertThat(gsi.indexName()).isEqualTo("by-name"));
      assertThat(described.localSecondaryIndexes())
          .singleElement()
          .satisfies(lsi -> assertThat(lsi.indexName()).isEqualTo("by-rating"));
      assertThat(layout.matches(described)).isTrue();
      assertThat(layout.indexProblems(described)).isEmpty();

      TableDescription withoutIndexes =
          db.client().describeTable(b -> b.tableName(plain.name())).table();
      assertThat(layout.matches(withoutIndexes)).isFalse();
      assertThat(layout.indexProblems(withoutIndexes))
          .containsExactly("global index by-name is missing", "local index by-rating is missing");
      assertThat(TableLayout.of("PK", "SK").matches(described)).isTrue();
    } finally {
      table.delete();
      plain.delete();
    }
  }
}
