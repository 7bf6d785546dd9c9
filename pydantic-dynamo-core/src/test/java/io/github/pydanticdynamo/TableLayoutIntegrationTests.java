package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
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
}
