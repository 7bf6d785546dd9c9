package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** pydantic-dynamo's {@link DynamoRepository}. */
final class OursSyncContender implements Contender {
  private static final List<String> BATCH = List.of(BATCH_PARTITION);
  private static final List<String> SINGLE = List.of(SINGLE_PARTITION);

  private final String table;
  private final DynamoRepository<MediumItem> repository;

  OursSyncContender(DynamoDbClient client, String table, BatchSettings batch) {
    this.table = table;
    this.repository =
        DynamoRepository.builder(MediumItem.class)
            .client(client)
            .tableName(table)
            .partitionKey(PK)
            .sortKey(SK)
            .partitionPrefix(Keys.PREFIX)
            .partitionName(Keys.NAME)
            .contentType(Keys.CONTENT_TYPE)
            .batchSettings(batch)
            .index(INDEX)
            .build();
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public void putBatch(List<MediumItem> items) {
    List<PartitionedContent<MediumItem>> contents = new ArrayList<>(items.size());
    for (MediumItem item : items) {
      contents.add(PartitionedContent.of(BATCH, List.of(item.id()), item));
    }
    repository.putBatch(contents);
  }

  @Override
  public int getBatch(List<String> ids) {
    List<ContentKey> keys = new ArrayList<>(ids.size());
    for (String id : ids) {
      keys.add(ContentKey.of(BATCH, List.of(id)));
    }
    return repository.getBatch(keys).mapToInt(page -> page.contents().size()).sum();
  }

  @Override
  public int list() {
    return repository.list(BATCH, List.of()).mapToInt(OursSyncContender::size).sum();
  }

  private static int size(BatchResponse<MediumItem> page) {
    return page.contents().size();
  }

  @Override
  public int indexQuery(MediumItem.Status status) {
    return repository
        .index(BY_STATUS)
        .list(List.of(status.name()), List.of())
        .mapToInt(OursSyncContender::size)
        .sum();
  }

  @Override
  public int scan() {
    return repository.scan().mapToInt(OursSyncContender::size).sum();
  }

  @Override
  public void put(MediumItem item) {
    repository.put(PartitionedContent.of(SINGLE, List.of(item.id()), item));
  }

  @Override
  public String get(String id) {
    return repository.get(SINGLE, List.of(id)).content().orElseThrow().item().id();
  }

  @Override
  public int update(String id, int rating) {
    return repository
        .update(SINGLE, List.of(id), UpdateCommand.builder().set("rating", rating).build())
        .item()
        .rating();
  }

  @Override
  public void close() {
    repository.close();
  }
}
