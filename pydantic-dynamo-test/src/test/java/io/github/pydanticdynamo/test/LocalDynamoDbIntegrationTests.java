package io.github.pydanticdynamo.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

@DynamoDbTest(partitionKey = "PK", sortKey = "SK")
class LocalDynamoDbIntegrationTests {

  private static Map<String, AttributeValue> item(String pk, String sk, String name) {
    return Map.of(
        "PK", AttributeValue.fromS(pk),
        "SK", AttributeValue.fromS(sk),
        "name", AttributeValue.fromS(name));
  }

  @Test
  void createsATableThatStoresAndQueriesItems(TestTable table, DynamoDbClient client) {
    assertThat(table.partitionKey()).isEqualTo("PK");
    assertThat(client.describeTable(b -> b.tableName(table.name())).table().tableStatusAsString())
        .isEqualTo("ACTIVE");

    client.putItem(b -> b.tableName(table.name()).item(item("p#1", "actor#1", "Tom")));
    client.putItem(b -> b.tableName(table.name()).item(item("p#1", "actor#2", "Meg")));
    client.putItem(b -> b.tableName(table.name()).item(item("p#2", "actor#1", "Ann")));

    Map<String, AttributeValue> read =
        client
            .getItem(
                b ->
                    b.tableName(table.name())
                        .key(
                            Map.of(
                                "PK",
                                AttributeValue.fromS("p#1"),
                                "SK",
                                AttributeValue.fromS("actor#2")))
                        .consistentRead(true))
            .item();
    assertThat(read.get("name").s()).isEqualTo("Meg");

    QueryResponse query =
        client.query(
            b ->
                b.tableName(table.name())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk",
                            AttributeValue.fromS("p#1"),
                            ":prefix",
                            AttributeValue.fromS("actor#"))));
    assertThat(query.items()).extracting(i -> i.get("name").s()).containsExactly("Tom", "Meg");
    assertThat(table.count()).isEqualTo(3);
  }

  @Test
  void givesEachTestAFreshTable(TestTable table) {
    assertThat(table.count()).isZero();
  }

  @Test
  void servesTheAsyncClientOnTheSameEngine(TestTable table, DynamoDbAsyncClient async) {
    async.putItem(b -> b.tableName(table.name()).item(item("a", "b", "async"))).join();
    assertThat(table.scanAll())
        .singleElement()
        .satisfies(i -> assertThat(i.get("name").s()).isEqualTo("async"));
  }

  @Test
  void sharesOneEngineAcrossTheJvm(LocalDynamoDb db) {
    assertThat(db).isSameAs(LocalDynamoDb.shared());
    assertThat(db.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
