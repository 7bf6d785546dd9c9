package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * pydantic-dynamo's {@link AsyncDynamoRepository}, awaited call by call (single operations run one
 * after another, like the other contenders').
 */
final class OursAsyncContender implements Contender {
  private static final List<String> BATCH = List.of(BATCH_PARTITION);
  private static final List<String> SINGLE = List.of(SINGLE_PARTITION);

  private final String table;
  private final AsyncDynamoRepository<MediumItem> repository;

  OursAsyncContender(DynamoDbAsyncClient client, String table, BatchSettings batch) {
    this.table = table;
    this.repository =
        AsyncDynamoRepository.builder(MediumItem.class)
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
    repository.putBatch(contents).join();
  }

  @Override
  public int getBatch(List<String> ids) {
    List<ContentKey> keys = new ArrayList<>(ids.size());
    for (String id : ids) {
      keys.add(ContentKey.of(BATCH, List.of(id)));
    }
    return count(repository.getBatch(keys));
  }

  @Override
  public int list() {
    return count(repository.list(BATCH, List.of()));
  }

  @Override
  public int indexQuery(MediumItem.Status status) {
    return count(repository.index(BY_STATUS).list(List.of(status.name()), List.of()));
  }

  @Override
  public int scan() {
    return count(repository.scan());
  }

  @Override
  public void put(MediumItem item) {
    repository.put(PartitionedContent.of(SINGLE, List.of(item.id()), item)).join();
  }

  @Override
  public String get(String id) {
    return repository.get(SINGLE, List.of(id)).join().content().orElseThrow().item().id();
  }

  @Override
  public int update(String id, int rating) {
    return repository
        .update(SINGLE, List.of(id), UpdateCommand.builder().set("rating", rating).build())
        .join()
        .item()
        .rating();
  }

  @Override
  public void close() {
    repository.close();
  }

  /** Consumes every page and counts the contents. */
  private static int count(Publisher<BatchResponse<MediumItem>> pages) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    pages.subscribe(
        new Subscriber<BatchResponse<MediumItem>>() {
          private final AtomicInteger total = new AtomicInteger();

          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(BatchResponse<MediumItem> page) {
            total.addAndGet(page.contents().size());
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            done.complete(total.get());
          }
        });
    return done.join();
  }
}
