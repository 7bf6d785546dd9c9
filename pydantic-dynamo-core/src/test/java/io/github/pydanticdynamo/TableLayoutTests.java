package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableLayoutTests {

  @Test
  void defaultsAreThePythonLibrarysKeyNames() {
    TableLayout layout = TableLayout.defaults();
    assertThat(layout.partitionKey()).isEqualTo("_table_item_id");
    assertThat(layout.sortKey()).isEqualTo("_table_content_id");
    assertThat(layout).isEqualTo(TableLayout.of("_table_item_id", "_table_content_id"));
    assertThat(RepositoryBuilder.DEFAULT_PARTITION_KEY).isEqualTo(layout.partitionKey());
    assertThat(RepositoryBuilder.DEFAULT_SORT_KEY).isEqualTo(layout.sortKey());
  }

  @Test
  void createTableRequestHasStringKeysAndOnDemandBilling() {
    CreateTableRequest request = TableLayout.of("PK", "SK").createTableRequest("app-table");
    assertThat(request.tableName()).isEqualTo("app-table");
    assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(request.keySchema())
        .extracting(e -> e.attributeName() + " " + e.keyType())
        .containsExactly("PK HASH", "SK RANGE");
    assertThat(request.attributeDefinitions())
        .extracting(d -> d.attributeName() + " " + d.attributeType())
        .containsExactly("PK S", "SK S");
  }

  @Test
  void timeToLiveRequestEnablesTheTtlAttribute() {
    var request = TableLayout.defaults().timeToLiveRequest("app-table");
    assertThat(request.tableName()).isEqualTo("app-table");
    assertThat(request.timeToLiveSpecification().attributeName()).isEqualTo("_ttl");
    assertThat(request.timeToLiveSpecification().enabled()).isTrue();
  }

  @Test
  void reservedAttributesAreTheKeysAndTheInternalAttributes() {
    assertThat(TableLayout.of("PK", "SK").reservedAttributes())
        .containsExactlyInAnyOrder(
            "PK", "SK", "_object_version", "_timestamp", "_ttl", "_write_id");
    assertThat(TableLayout.internalAttributes())
        .containsExactlyInAnyOrder("_object_version", "_timestamp", "_ttl", "_write_id");
  }

  @Test
  void matchesATableWithTheSameKeysInAnyOrderButNotOtherNamesOrTypes() {
    TableLayout layout = TableLayout.of("PK", "SK");
    assertThat(layout.matches(table("SK", KeyType.RANGE, "S", "PK", KeyType.HASH, "S"))).isTrue();
    assertThat(layout.matches(table("pk", KeyType.HASH, "S", "sk", KeyType.RANGE, "S"))).isFalse();
    assertThat(layout.matches(table("SK", KeyType.HASH, "S", "PK", KeyType.RANGE, "S"))).isFalse();
    assertThat(layout.matches(table("PK", KeyType.HASH, "S", "SK", KeyType.RANGE, "N"))).isFalse();
    TableDescription hashOnly =
        TableDescription.builder()
            .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName("PK").attributeType("S").build())
            .build();
    assertThat(layout.matches(hashOnly)).isFalse();
    assertThat(TableLayout.describeKeys(hashOnly)).isEqualTo("partition key PK (S), no sort key");
  }

  @Test
  void describesTablesAndLayoutsAlike() {
    assertThat(TableLayout.of("PK", "SK")).hasToString("partition key PK (S), sort key SK (S)");
    assertThat(TableLayout.describeKeys(table("pk", KeyType.HASH, "S", "sk", KeyType.RANGE, "N")))
        .isEqualTo("partition key pk (S), sort key sk (N)");
  }

  @Test
  void rejectsBlankEqualOrInternalKeyNames() {
    assertThatThrownBy(() -> TableLayout.of(" ", "SK"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage("partitionKey is blank; name the table's key attribute");
    assertThatThrownBy(() -> TableLayout.of("K", "K"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessage(
            "partitionKey and sortKey are both 'K'; the table needs two different key attributes");
    assertThatThrownBy(() -> TableLayout.of("PK", "_ttl"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("sortKey '_ttl' is an attribute the repository keeps for itself");
  }

  private static TableDescription table(
      String first,
      KeyType firstType,
      String firstScalar,
      String second,
      KeyType secondType,
      String secondScalar) {
    return TableDescription.builder()
        .keySchema(
            List.of(
                KeySchemaElement.builder().attributeName(first).keyType(firstType).build(),
                KeySchemaElement.builder().attributeName(second).keyType(secondType).build()))
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName(first)
                .attributeType(ScalarAttributeType.fromValue(firstScalar))
                .build(),
            AttributeDefinition.builder()
                .attributeName(second)
                .attributeType(ScalarAttributeType.fromValue(secondScalar))
                .build())
        .build();
  }

  @Test
  void indexesJoinTheCreateTableRequestTheReservedNamesAndEquality() {
    SecondaryIndex byName = SecondaryIndex.global("by-name").partitionIds("name").build();
    SecondaryIndex byRating =
        SecondaryIndex.local("by-rating").sortKey("RATING_SK").contentIds("rating").build();
    TableLayout layout = TableLayout.of("PK", "SK").withIndexes(List.of(byName, byRating));

    var request = layout.createTableRequest("t");
    assertThat(request.attributeDefinitions())
        .extracting(d -> d.attributeName())
        .containsExactly("PK", "SK", "_by-name_item_id", "_by-name_content_id", "RATING_SK");
    assertThat(request.globalSecondaryIndexes())
        .singleElement()
        .satisfies(
            gsi -> {
              assertThat(gsi.keySchema())
                  .extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                  .containsExactly("_by-name_item_id HASH", "_by-name_content_id RANGE");
              assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("ALL");
            });
    assertThat(request.localSecondaryIndexes())
        .singleElement()
        .satisfies(
            lsi ->
                assertThat(lsi.keySchema())
                    .extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                    .containsExactly("PK HASH", "RATING_SK RANGE"));
    assertThat(layout.reservedAttributes()).contains("_by-name_item_id", "RATING_SK");
    assertThat(layout).isNotEqualTo(TableLayout.of("PK", "SK"));
    assertThat(layout.sameKeys(TableLayout.of("PK", "SK"))).isTrue();
    assertThat(layout.withIndexes(List.of(byName))).isSameAs(layout);
    assertThat(
            layout.equals(
                TableLayout.of("PK", "SK")
                    .withIndexes(
                        List.of(
                            byRating,
                            SecondaryIndex.global("by-name").partitionIds("other").build()))))
        .isTrue();
  }

  @Test
  void rejectsIndexesThatClash() {
    TableLayout layout =
        TableLayout.of("PK", "SK")
            .withIndexes(List.of(SecondaryIndex.global("by-name").partitionIds("name").build()));

    assertThatThrownBy(
            () ->
                layout.withIndexes(
                    List.of(SecondaryIndex.global("by-name").sortKey("OTHER").build())))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("two indexes named by-name differ");
    assertThatThrownBy(
            () -> layout.withIndexes(List.of(SecondaryIndex.local("by-x").sortKey("SK").build())))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("key attribute of the table");
    assertThatThrownBy(() -> SecondaryIndex.local("by-x").partitionIds("name").build())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("local index");
    assertThatThrownBy(() -> SecondaryIndex.global("x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("3 to 255");
    assertThatThrownBy(() -> SecondaryIndex.global("by-x").partitionKey("_ttl").build())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("_ttl");
  }
}
