package io.github.pydanticdynamo;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.LostResponseProxy;
import io.github.pydanticdynamo.test.TestTable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fixture of the lost-response tests: clients through a proxy, one facade over both drivers.
 */
final class LostResponses {
  /** Injected losses and asserted unknown outcomes over the whole run, for the report. */
  static final AtomicLong LOSSES = new AtomicLong();

  static final AtomicLong UNKNOWNS = new AtomicLong();

  /** A counter model: increments are the non-idempotent write. */
  record Counter(String name, long count, @Nullable String note) {}

  enum Driver {
    SYNC,
    ASYNC
  }

  private LostResponses() {}

  static DynamoDbClient syncClient(LostResponseProxy proxy) {
    LocalDynamoDb db = LocalDynamoDb.shared();
    return DynamoDbClient.builder()
        .endpointOverride(proxy.endpoint())
        .region(db.region())
        .credentialsProvider(db.credentials())
        .build();
  }

  static DynamoDbAsyncClient asyncClient(LostResponseProxy proxy) {
    LocalDynamoDb db = LocalDynamoDb.shared();
    return DynamoDbAsyncClient.builder()
        .endpointOverride(proxy.endpoint())
        .region(db.region())
        .credentialsProvider(db.credentials())
        .build();
  }

  /** The calls under test, the same for both drivers (async ones joined, failures unwrapped). */
  interface Writes<T> {
    void put(PartitionedContent<T> content);

    void put(PartitionedContent<T> content, FilterCommand condition);

    boolean putIfAbsent(PartitionedContent<T> content);

    PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expected);

    PartitionedContent<T> update(ContentKey key, UpdateCommand command);

    Optional<PartitionedContent<T>> deleteItem(ContentKey key);

    PartitionedContent<T> deleteItem(ContentKey key, long version);

    void putBatch(List<PartitionedContent<T>> contents);

    List<PartitionedContent<T>> getBatch(Collection<ContentKey> keys);
  }

  static <T> Writes<T> writes(
      Driver driver, Class<T> type, TestTable table, LostResponseProxy proxy) {
    return driver == Driver.SYNC
        ? sync(RepositoryFixture.sync(type, table, syncClient(proxy)).build())
        : async(RepositoryFixture.async(type, table, asyncClient(proxy)).build());
  }

  static <T> Writes<T> sync(DynamoRepository<T> repo) {
    return new Writes<>() {
      @Override
      public void put(PartitionedContent<T> content) {
        repo.put(content);
      }

      @Override
      public void put(PartitionedContent<T> content, FilterCommand condition) {
        repo.put(content, condition);
      }

      @Override
      public boolean putIfAbsent(PartitionedContent<T> content) {
        return repo.putIfAbsent(content);
      }

      @Override
      public PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expected) {
        return repo.putIfVersion(content, expected);
      }

      @Override
      public PartitionedContent<T> update(ContentKey key, UpdateCommand command) {
        return repo.update(key.partitionIds(), key.contentIds(), command);
      }

      @Override
      public Optional<PartitionedContent<T>> deleteItem(ContentKey key) {
        return repo.deleteItem(key.partitionIds(), key.contentIds());
      }

      @Override
      public PartitionedContent<T> deleteItem(ContentKey key, long version) {
        return repo.deleteItem(key.partitionIds(), key.contentIds(), version);
      }

      @Override
      public void putBatch(List<PartitionedContent<T>> contents) {
        repo.putBatch(contents);
      }

      @Override
      public List<PartitionedContent<T>> getBatch(Collection<ContentKey> keys) {
        try (var pages = repo.getBatch(keys)) {
          return pages.flatMap(page -> page.contents().stream()).toList();
        }
      }
    };
  }

  static <T> Writes<T> async(AsyncDynamoRepository<T> repo) {
    return new Writes<>() {
      @Override
      public void put(PartitionedContent<T> content) {
        join(repo.put(content));
      }

      @Override
      public void put(PartitionedContent<T> content, FilterCommand condition) {
        join(repo.put(content, condition));
      }

      @Override
      public boolean putIfAbsent(PartitionedContent<T> content) {
        return join(repo.putIfAbsent(content));
      }

      @Override
      public PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expected) {
        return join(repo.putIfVersion(content, expected));
      }

      @Override
      public PartitionedContent<T> update(ContentKey key, UpdateCommand command) {
        return join(repo.update(key.partitionIds(), key.contentIds(), command));
      }

      @Override
      public Optional<PartitionedContent<T>> deleteItem(ContentKey key) {
        return join(repo.deleteItem(key.partitionIds(), key.contentIds()));
      }

      @Override
      public PartitionedContent<T> deleteItem(ContentKey key, long version) {
        return join(repo.deleteItem(key.partitionIds(), key.contentIds(), version));
      }

      @Override
      public void putBatch(List<PartitionedContent<T>> contents) {
        join(repo.putBatch(contents));
      }

      @Override
      public List<PartitionedContent<T>> getBatch(Collection<ContentKey> keys) {
        return join(
                io.github.pydanticdynamo.internal.PublisherCollector.collect(repo.getBatch(keys)))
            .stream()
            .flatMap(page -> page.contents().stream())
            .toList();
      }
    };
  }

  static <V> V join(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
