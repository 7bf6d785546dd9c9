package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS SDK Enhanced Client (what Spring Cloud AWS's template wraps), used as its guide shows: a
 * bean table schema, batch calls of 25 writes or 100 reads one after another, paginated queries,
 * and partial updates with {@code ignoreNulls}.
 */
final class EnhancedContender implements Contender {
  private static final TableSchema<MediumRow> SCHEMA = TableSchema.fromBean(MediumRow.class);
  private static final Expression EXISTS =
      Expression.builder()
          .expression("attribute_exists(#pk)")
          .expressionNames(Map.of("#pk", PK))
          .build();

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<MediumRow> table;

  EnhancedContender(DynamoDbClient client, String tableName) {
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    this.table = enhanced.table(tableName, SCHEMA);
  }

  @Override
  public String table() {
    return table.tableName();
  }

  @Override
  public void putBatch(List<MediumItem> items) {
    String pk = Keys.partition(BATCH_PARTITION);
    String now = Instant.now().toString();
    for (int start = 0; start < items.size(); start += 25) {
      List<MediumRow> pending = new ArrayList<>(25);
      for (MediumItem item : items.subList(start, Math.min(items.size(), start + 25))) {
        pending.add(MediumRow.of(pk, Keys.sort(item.id()), item, now));
      }
      while (!pending.isEmpty()) {
        WriteBatch.Builder<MediumRow> batch =
            WriteBatch.builder(MediumRow.class).mappedTableResource(table);
        pending.forEach(batch::addPutItem);
        BatchWriteResult result =
            enhanced.batchWriteItem(
                BatchWriteItemEnhancedRequest.builder().writeBatches(batch.build()).build());
        pending = result.unprocessedPutItemsForTable(table);
      }
    }
  }

  @Override
  public int getBatch(List<String> ids) {
    String pk = Keys.partition(BATCH_PARTITION);
    int found = 0;
    for (int start = 0; start < ids.size(); start += 100) {
      ReadBatch.Builder<MediumRow> batch =
          ReadBatch.builder(MediumRow.class).mappedTableResource(table);
      for (String id : ids.subList(start, Math.min(ids.size(), start + 100))) {
        batch.addGetItem(Key.builder().partitionValue(pk).sortValue(Keys.sort(id)).build());
      }
      // The page iterable re-requests unprocessed keys itself.
      for (BatchGetResultPage page : enhanced.batchGetItem(r -> r.readBatches(batch.build()))) {
        found += page.resultsForTable(table).size();
      }
    }
    return found;
  }

  @Override
  public int list() {
    QueryConditional condition =
        QueryConditional.sortBeginsWith(
            Key.builder()
                .partitionValue(Keys.partition(BATCH_PARTITION))
                .sortValue(Keys.sortPrefix())
                .build());
    int count = 0;
    for (MediumRow row : table.query(condition).items()) {
      Objects.requireNonNull(row.getId());
      count++;
    }
    return count;
  }

  @Override
  public int indexQuery(MediumItem.Status status) {
    QueryConditional condition =
        QueryConditional.keyEqualTo(
            Key.builder().partitionValue(Keys.statusPartition(status)).build());
    int count = 0;
    for (Page<MediumRow> page : table.index(BY_STATUS).query(condition)) {
      for (MediumRow row : page.items()) {
        Objects.requireNonNull(row.getId());
        count++;
      }
    }
    return count;
  }

  @Override
  public int scan() {
    int count = 0;
    for (MediumRow row : table.scan().items()) {
      Objects.requireNonNull(row.getId());
      count++;
    }
    return count;
  }

  @Override
  public void put(MediumItem item) {
    table.putItem(
        MediumRow.of(
            Keys.partition(SINGLE_PARTITION),
            Keys.sort(item.id()),
            item,
            Instant.now().toString()));
  }

  @Override
  public String get(String id) {
    MediumRow row =
        table.getItem(
            Key.builder()
                .partitionValue(Keys.partition(SINGLE_PARTITION))
                .sortValue(Keys.sort(id))
                .build());
    return Objects.requireNonNull(Objects.requireNonNull(row, id).getId());
  }

  @Override
  public int update(String id, int rating) {
    MediumRow change = new MediumRow();
    change.setPk(Keys.partition(SINGLE_PARTITION));
    change.setSk(Keys.sort(id));
    change.setRating(rating);
    change.setTimestamp(Instant.now().toString());
    MediumRow updated =
        table.updateItem(
            UpdateItemEnhancedRequest.builder(MediumRow.class)
                .item(change)
                .ignoreNulls(true)
                .conditionExpression(EXISTS)
                .build());
    return Objects.requireNonNull(updated.getRating());
  }

  @Override
  public void close() {
    // the client belongs to the harness
  }
}
