package io.github.pydanticdynamo;

import io.github.pydanticdynamo.internal.PublisherCollector;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A sync or async repository with the vectors' names (prefix {@code test}, partition name {@code
 * compat}, content type {@code example}) behind the calls the vector tests make; async failures are
 * thrown as their cause, as the sync repository throws them.
 */
interface VectorRepository<T> {

  /** Which repository a test drives. */
  enum Driver {
    SYNC,
    ASYNC
  }

  void put(PartitionedContent<T> content);

  void putBatch(List<PartitionedContent<T>> contents);

  Optional<PartitionedContent<T>> get(List<String> partitionIds, List<String> contentIds);

  PartitionedContent<T> update(
      List<String> partitionIds, List<String> contentIds, UpdateCommand command);

  List<PartitionedContent<T>> list(
      List<String> partitionIds, List<String> contentPrefix, QueryOptions options);

  List<PartitionedContent<T>> listBetween(
      List<String> partitionIds, List<String> start, List<String> end, QueryOptions options);

  static <T> VectorRepository<T> of(
      Driver driver, Class<T> type, TestTable table, StorageFormat format) {
    if (driver == Driver.SYNC) {
      DynamoRepository<T> sync =
          RepositoryFixture.sync(type, table)
              .partitionName("compat")
              .contentType("example")
              .storageFormat(format)
              .build();
      return new VectorRepository<>() {
        @Override
        public void put(PartitionedContent<T> content) {
          sync.put(content);
        }

        @Override
        public void putBatch(List<PartitionedContent<T>> contents) {
          sync.putBatch(contents);
        }

        @Override
        public Optional<PartitionedContent<T>> get(List<String> p, List<String> c) {
          return sync.get(p, c).content();
        }

        @Override
        public PartitionedContent<T> update(List<String> p, List<String> c, UpdateCommand u) {
          return sync.update(p, c, u);
        }

        @Override
        public List<PartitionedContent<T>> list(
            List<String> p, List<String> prefix, QueryOptions options) {
          return sync.list(p, prefix, options).flatMap(r -> r.contents().stream()).toList();
        }

        @Override
        public List<PartitionedContent<T>> listBetween(
            List<String> p, List<String> start, List<String> end, QueryOptions options) {
          return sync.listBetween(p, start, end, options)
              .flatMap(r -> r.contents().stream())
              .toList();
        }
      };
    }
    AsyncDynamoRepository<T> async =
        RepositoryFixture.async(type, table, LocalDynamoDb.shared().asyncClient())
            .partitionName("compat")
            .contentType("example")
            .storageFormat(format)
            .build();
    return new VectorRepository<>() {
      @Override
      public void put(PartitionedContent<T> content) {
        join(async.put(content));
      }

      @Override
      public void putBatch(List<PartitionedContent<T>> contents) {
        join(async.putBatch(contents));
      }

      @Override
      public Optional<PartitionedContent<T>> get(List<String> p, List<String> c) {
        return join(async.get(p, c)).content();
      }

      @Override
      public PartitionedContent<T> update(List<String> p, List<String> c, UpdateCommand u) {
        return join(async.update(p, c, u));
      }

      @Override
      public List<PartitionedContent<T>> list(
          List<String> p, List<String> prefix, QueryOptions options) {
        return join(PublisherCollector.collect(async.list(p, prefix, options))).stream()
            .flatMap(r -> r.contents().stream())
            .toList();
      }

      @Override
      public List<PartitionedContent<T>> listBetween(
          List<String> p, List<String> start, List<String> end, QueryOptions options) {
        return join(PublisherCollector.collect(async.listBetween(p, start, end, options))).stream()
            .flatMap(r -> r.contents().stream())
            .toList();
      }
    };
  }

  private static <R> R join(CompletableFuture<R> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
