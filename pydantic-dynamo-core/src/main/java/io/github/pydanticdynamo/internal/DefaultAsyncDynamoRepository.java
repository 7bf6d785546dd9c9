package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.AsyncIndexView;
import io.github.pydanticdynamo.AsyncProjectionView;
import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.ScanOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.UnprocessedItemsException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.internal.batch.AsyncBatchWriter;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.batch.BatchRetry;
import io.github.pydanticdynamo.internal.batch.ChunkFailure;
import io.github.pydanticdynamo.internal.batch.ChunkReader;
import io.github.pydanticdynamo.internal.batch.ChunkSource;
import io.github.pydanticdynamo.internal.batch.PrefixDeletes;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import io.github.pydanticdynamo.internal.operations.BatchReads;
import io.github.pydanticdynamo.internal.operations.ExactWrites;
import io.github.pydanticdynamo.internal.operations.RepositoryOperations;
import io.github.pydanticdynamo.internal.operations.UpdateItemOperation;
import io.github.pydanticdynamo.internal.operations.UpdateItemOperation.StateAdjustments;
import io.github.pydanticdynamo.internal.paging.IndexPager;
import io.github.pydanticdynamo.internal.paging.IndexQueryPlan;
import io.github.pydanticdynamo.internal.paging.QueryPager;
import io.github.pydanticdynamo.internal.paging.QueryPlan;
import io.github.pydanticdynamo.internal.paging.ScanPager;
import io.github.pydanticdynamo.internal.paging.ScanPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The asynchronous repository: the sync one's control flow, in stages, over the operations. */
final class DefaultAsyncDynamoRepository<T> implements AsyncDynamoRepository<T> {
  private final RepositoryOperations<T> ops;
  private final DynamoDbAsyncClient client;
  private final BatchSettings batch;

  DefaultAsyncDynamoRepository(RepositoryOperations<T> operations, DynamoDbAsyncClient client) {
    this.ops = operations;
    this.client = client;
    this.batch = operations.settings().batchSettings();
  }

  @Override
  public <P> AsyncProjectionView<P> projection(Class<P> type) {
    DefaultAsyncDynamoRepository<P> reads =
        new DefaultAsyncDynamoRepository<>(ops.projection(type), client);
    return new AsyncProjectionView<>() {
      @Override
      public Class<P> type() {
        return type;
      }

      @Override
      public CompletableFuture<GetResponse<P>> get(
          @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
        return reads.get(partitionIds, contentIds);
      }

      @Override
      public Publisher<BatchResponse<P>> getBatch(Collection<ContentKey> keys) {
        return reads.getBatch(keys);
      }

      @Override
      public Publisher<BatchResponse<P>> list(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentPrefix,
          QueryOptions options) {
        return reads.list(partitionIds, contentPrefix, options);
      }

      @Override
      public Publisher<BatchResponse<P>> listBetween(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentStart,
          @Nullable List<String> contentEnd,
          QueryOptions options) {
        return reads.listBetween(partitionIds, contentStart, contentEnd, options);
      }

      @Override
      public Publisher<BatchResponse<P>> scan(ScanOptions options) {
        return reads.scan(options);
      }

      @Override
      public AsyncIndexView<P> index(String name) {
        return reads.index(name);
      }

      @Override
      public String toString() {
        return "AsyncProjectionView["
            + type.getSimpleName()
            + " of "
            + DefaultAsyncDynamoRepository.this
            + "]";
      }
    };
  }

  @Override
  public CompletableFuture<Void> put(PartitionedContent<T> content) {
    return ops.put().put(client, content);
  }

  @Override
  public CompletableFuture<Void> put(PartitionedContent<T> content, FilterCommand condition) {
    PutItemRequest request =
        ops.conditions()
            .put(
                ops.put().request(content, ExactWrites.newWriteId(ExactWrites.Kind.REPLACE)),
                Objects.requireNonNull(condition, "condition"));
    Map<String, AttributeValue> key = ops.codec().keyAttributes(request.item());
    return exactly(ops.put().conditional(content.key(), request))
        .<Void>thenApply(written -> null)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (!(cause instanceof ConditionalCheckFailedException failed)) {
                return CompletableFuture.failedFuture(cause);
              }
              return ops.get()
                  .stored(client, key)
                  .thenCompose(
                      stored ->
                          ops.conditions()
                              .explain(client, content.key(), condition, key, stored, failed))
                  .thenCompose(CompletableFuture::failedFuture);
            });
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(PartitionedContent<T> content) {
    return exactly(ops.put().create(content))
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              return cause instanceof ConditionalCheckFailedException
                  ? CompletableFuture.completedFuture(false)
                  : CompletableFuture.failedFuture(cause);
            });
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> putIfVersion(
      PartitionedContent<T> content, long expectedVersion) {
    ExactWrites.Write<PutItemRequest, PutItemResponse, PartitionedContent<T>> write =
        ops.put().ifVersion(content, expectedVersion);
    return exactly(write)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (!(cause instanceof ConditionalCheckFailedException failed)) {
                return CompletableFuture.failedFuture(cause);
              }
              return ops.get()
                  .stored(client, write.rawKey())
                  .thenCompose(
                      stored ->
                          CompletableFuture.failedFuture(
                              ops.put()
                                  .versionFailure(content.key(), expectedVersion, stored, failed)));
            });
  }

  /** Runs a write with an exact outcome over this repository's client. */
  @SuppressWarnings("unchecked")
  private <Q extends DynamoDbRequest, R, A> CompletableFuture<A> exactly(
      ExactWrites.Write<Q, R, A> write) {
    return ExactWrites.runAsync(
        write,
        batch,
        request -> (CompletableFuture<R>) send(request),
        key -> ops.get().stored(client, key));
  }

  private CompletableFuture<?> send(DynamoDbRequest request) {
    if (request instanceof PutItemRequest put) {
      return client.putItem(put);
    }
    if (request instanceof UpdateItemRequest update) {
      return client.updateItem(update);
    }
    return client.deleteItem((DeleteItemRequest) request);
  }

  @Override
  public CompletableFuture<Void> putBatch(Iterable<PartitionedContent<T>> contents) {
    return writeBatch(ops.batchWrite().puts(contents), ChunkFailure.Operation.PUT);
  }

  @Override
  public CompletableFuture<Void> putBatch(Publisher<? extends PartitionedContent<T>> contents) {
    Objects.requireNonNull(contents, "contents");
    return writeBatch(ops.batchWrite().puts(contents), ChunkFailure.Operation.PUT);
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command) {
    return update(ContentKey.of(partitionIds, contentIds), command, null);
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition) {
    return update(
        ContentKey.of(partitionIds, contentIds),
        command,
        Objects.requireNonNull(condition, "condition"));
  }

  private CompletableFuture<PartitionedContent<T>> update(
      ContentKey key, UpdateCommand command, @Nullable FilterCommand condition) {
    UpdateItemRequest request = updateRequest(key, command, StateAdjustments.NONE, condition);
    return send(key, command, request, condition)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (!UpdateItemOperation.isStateValidationError(cause)) {
                return CompletableFuture.failedFuture(cause);
              }
              return ops.get()
                  .stored(client, request.key())
                  .thenCompose(
                      stored -> {
                        StateAdjustments adjustments = ops.update().adjustmentsFor(command, stored);
                        if (adjustments.isEmpty()) {
                          return CompletableFuture.failedFuture(cause);
                        }
                        return send(
                            key,
                            command,
                            updateRequest(key, command, adjustments, condition),
                            condition);
                      });
            });
  }

  private UpdateItemRequest updateRequest(
      ContentKey key,
      UpdateCommand command,
      StateAdjustments adjustments,
      @Nullable FilterCommand condition) {
    UpdateItemRequest request = ops.update().request(key, command, adjustments);
    return condition == null ? request : ops.conditions().update(request, condition);
  }

  private CompletableFuture<PartitionedContent<T>> send(
      ContentKey key,
      UpdateCommand command,
      UpdateItemRequest request,
      @Nullable FilterCommand condition) {
    return exactly(ops.update().write(key, command, request))
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (!(cause instanceof ConditionalCheckFailedException failed)) {
                return CompletableFuture.failedFuture(cause);
              }
              CompletableFuture<@Nullable Map<String, AttributeValue>> stored =
                  failed.hasItem()
                      ? CompletableFuture.completedFuture(failed.item())
                      : ops.get().stored(client, request.key());
              return stored.thenCompose(
                  item -> {
                    RuntimeException failure =
                        ops.update().conditionFailure(key, command, item, failed);
                    if (condition == null
                        || failure.getClass() != RequestObjectStateException.class) {
                      return CompletableFuture.failedFuture(failure);
                    }
                    return ops.conditions()
                        .explain(client, key, condition, request.key(), item, failed)
                        .thenCompose(CompletableFuture::failedFuture);
                  });
            });
  }

  @Override
  public CompletableFuture<GetResponse<T>> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return ops.get().get(client, ContentKey.of(partitionIds, contentIds));
  }

  @Override
  public Publisher<BatchResponse<T>> getBatch(Collection<ContentKey> keys) {
    ops.batchGet().check(keys);
    return new PagePublisher<>(() -> new ReadAhead(keys));
  }

  /**
   * Keeps up to {@code concurrency} chunk reads in flight once the subscriber asks for pages, and
   * hands the pages out in key order. Each chunk's keys are read from the caller's collection when
   * the chunk is started and dropped once its page is handed out.
   */
  private final class ReadAhead implements PagePublisher.Source<BatchResponse<T>> {
    private record Reading<T>(List<BatchEntry> chunk, CompletableFuture<BatchResponse<T>> page) {}

    private final ChunkReader<ContentKey> chunks;
    private final ArrayDeque<Reading<T>> inFlight = new ArrayDeque<>();
    private boolean failed;

    ReadAhead(Collection<ContentKey> keys) {
      this.chunks = ops.batchGet().chunks(keys);
    }

    @Override
    public boolean done() {
      return failed || (inFlight.isEmpty() && !chunks.hasNext());
    }

    @Override
    public CompletableFuture<BatchResponse<T>> next() {
      while (inFlight.size() < batch.concurrency() && chunks.hasNext()) {
        List<BatchEntry> chunk = Objects.requireNonNull(chunks.next());
        inFlight.add(new Reading<>(chunk, readChunk(ops.batchGet().reads(chunk), 1)));
      }
      Reading<T> head = Objects.requireNonNull(inFlight.poll());
      return head.page()
          .exceptionallyCompose(
              error -> {
                failed = true;
                Throwable cause = BatchRetry.unwrap(error);
                if (!(cause instanceof ChunkFailure.GaveUp gaveUp)) {
                  return CompletableFuture.failedFuture(cause);
                }
                List<BatchEntry> unread = new ArrayList<>();
                for (Reading<T> later : inFlight) {
                  unread.addAll(later.chunk());
                  later.page().cancel(true);
                }
                inFlight.clear();
                unread.addAll(chunks.rest());
                return CompletableFuture.failedFuture(
                    ChunkFailure.readFailure(chunks.total(), gaveUp, unread));
              });
    }
  }

  private CompletableFuture<BatchResponse<T>> readChunk(BatchReads<T> reads, int attempt) {
    return ops.batchGet()
        .read(client, reads)
        .handle(
            (response, error) -> {
              if (error == null) {
                reads.accept(response);
              }
              return BatchRetry.decide(batch, attempt, reads.pending(), error);
            })
        .thenCompose(
            decision ->
                switch (decision.kind()) {
                  case DONE ->
                      CompletableFuture.completedFuture(BatchResponse.of(reads.contents(), null));
                  case RETRY ->
                      BatchRetry.after(decision.delay(), () -> readChunk(reads, attempt + 1));
                  case GIVE_UP ->
                      CompletableFuture.failedFuture(new ChunkFailure.GaveUp(decision, attempt));
                });
  }

  @Override
  public Publisher<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return pages(ops.query().list(partitionIds, contentPrefix, options));
  }

  @Override
  public Publisher<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return pages(ops.query().between(partitionIds, contentStart, contentEnd, options));
  }

  private Publisher<BatchResponse<T>> pages(QueryPlan plan) {
    return new PagePublisher<>(() -> new QuerySource(ops.query().pager(plan)));
  }

  /** The pages of one query walk. */
  private final class QuerySource implements PagePublisher.Source<BatchResponse<T>> {
    private final QueryPager<T> pager;

    QuerySource(QueryPager<T> pager) {
      this.pager = pager;
    }

    @Override
    public boolean done() {
      return pager.done();
    }

    @Override
    public CompletableFuture<BatchResponse<T>> next() {
      return ops.query().page(client, pager);
    }
  }

  @Override
  public AsyncIndexView<T> index(String name) {
    SecondaryIndex index = ops.indexQuery().index(name);
    return new AsyncIndexView<>() {
      @Override
      public SecondaryIndex index() {
        return index;
      }

      @Override
      public Publisher<BatchResponse<T>> list(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentPrefix,
          QueryOptions options) {
        return indexPages(ops.indexQuery().list(name, partitionIds, contentPrefix, options));
      }

      @Override
      public Publisher<BatchResponse<T>> listBetween(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentStart,
          @Nullable List<String> contentEnd,
          QueryOptions options) {
        return indexPages(
            ops.indexQuery().between(name, partitionIds, contentStart, contentEnd, options));
      }

      @Override
      public String toString() {
        return "AsyncIndexView[" + index.name() + " of " + DefaultAsyncDynamoRepository.this + "]";
      }
    };
  }

  private Publisher<BatchResponse<T>> indexPages(IndexQueryPlan plan) {
    return new PagePublisher<BatchResponse<T>>(
        () -> {
          IndexPager<T> pager = ops.indexQuery().pager(plan);
          return new PagePublisher.Source<BatchResponse<T>>() {
            @Override
            public boolean done() {
              return pager.done();
            }

            @Override
            public CompletableFuture<BatchResponse<T>> next() {
              return ops.indexQuery().page(client, pager);
            }
          };
        });
  }

  @Override
  public Publisher<BatchResponse<T>> scan(ScanOptions options) {
    ScanPlan plan = ops.scan().plan(options);
    return new PagePublisher<>(() -> new ScanSource(ops.scan().pager(plan), plan.concurrency()));
  }

  /**
   * Keeps up to the plan's concurrency of segment requests out once the subscriber asks for pages,
   * and hands pages out in the order they were asked.
   */
  private final class ScanSource implements PagePublisher.Source<BatchResponse<T>> {
    private record Asked(int segment, CompletableFuture<ScanResponse> response) {}

    private final ScanPager<T> pager;
    private final int concurrency;
    private final ArrayDeque<Asked> inFlight = new ArrayDeque<>();

    ScanSource(ScanPager<T> pager, int concurrency) {
      this.pager = pager;
      this.concurrency = concurrency;
    }

    @Override
    public boolean done() {
      return pager.done();
    }

    @Override
    public CompletableFuture<BatchResponse<T>> next() {
      for (int segment = inFlight.size() < concurrency ? pager.nextReady() : -1;
          segment >= 0;
          segment = inFlight.size() < concurrency ? pager.nextReady() : -1) {
        inFlight.add(new Asked(segment, ops.scan().page(client, pager.request(segment))));
      }
      Asked head = inFlight.poll();
      return head.response()
          .thenApply(
              response -> {
                BatchResponse<T> page = pager.accept(head.segment(), response);
                if (pager.done()) {
                  inFlight.forEach(asked -> asked.response().cancel(true));
                  inFlight.clear();
                }
                return page;
              });
    }
  }

  @Override
  public CompletableFuture<Long> delete(
      @Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    return new PrefixDelete(ops.query().keys(partitionIds, contentPrefix)).start();
  }

  /**
   * A delete by prefix, page by page: while one page's keys are deleted (at most {@code
   * concurrency} chunks in flight) the next page is read, so no more than two pages of keys are
   * held. Keys whose retries ran out do not stop it (they are reported at the end); a failed
   * request or query does. Deleting items already read does not move the query's start key.
   */
  private final class PrefixDelete {
    private final QueryRequest query;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    // written by one page's callbacks after another's, never at once
    private final List<ContentKey> undeleted = new ArrayList<>();
    private long read;
    private long deleted;

    PrefixDelete(QueryRequest query) {
      this.query = query;
    }

    CompletableFuture<Long> start() {
      keysPage(null)
          .whenComplete(
              (page, error) -> {
                if (error != null) { // nothing deleted yet: the plain failure
                  result.completeExceptionally(Objects.requireNonNull(BatchRetry.unwrap(error)));
                } else {
                  guarded(page);
                }
              });
      return result;
    }

    /** Deletes from {@code page} on; a bug must not leave the caller waiting forever. */
    private void guarded(QueryResponse page) {
      try {
        deletePages(page);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        throw e;
      }
    }

    private CompletableFuture<QueryResponse> keysPage(@Nullable Map<String, AttributeValue> start) {
      try {
        return ops.query().keysPage(client, query, start);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /**
     * Deletes page after page; loops while a step is complete at once, so a client that answers at
     * once does not deepen the stack.
     */
    private void deletePages(QueryResponse first) {
      CompletableFuture<@Nullable QueryResponse> step = deletePage(first);
      while (step.isDone() && !step.isCompletedExceptionally()) {
        QueryResponse next = step.join();
        if (next == null) {
          return;
        }
        step = deletePage(next);
      }
      step.whenComplete(
          (next, error) -> {
            if (error != null) { // a bug: the caller must not wait forever
              result.completeExceptionally(error);
            } else if (next != null) {
              guarded(next);
            }
          });
    }

    /**
     * Deletes one page's keys while the next page is read; yields the next page, or null when the
     * delete is over (its result completed).
     */
    private CompletableFuture<@Nullable QueryResponse> deletePage(QueryResponse page) {
      Map<String, AttributeValue> last =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
      CompletableFuture<QueryResponse> next = last == null ? null : keysPage(last);
      int size = page.items().size();
      read += size;
      CompletableFuture<Long> written;
      try {
        written =
            writeAll(
                ops.batchWrite().deletesOf(page.items().iterator(), size),
                ChunkFailure.Operation.DELETE);
      } catch (RuntimeException e) {
        written = CompletableFuture.failedFuture(e);
      }
      return written
          .handle((count, error) -> afterPage(size, count, error, next))
          .thenCompose(Function.identity());
    }

    private CompletableFuture<@Nullable QueryResponse> afterPage(
        int size,
        @Nullable Long count,
        @Nullable Throwable error,
        @Nullable CompletableFuture<QueryResponse> next) {
      if (error == null) {
        deleted += Objects.requireNonNull(count);
      } else {
        Throwable cause = Objects.requireNonNull(BatchRetry.unwrap(error));
        if (!(cause instanceof UnprocessedItemsException unprocessed)) {
          return stop(cause, next);
        }
        deleted += size - unprocessed.undeletedKeys().size();
        undeleted.addAll(unprocessed.undeletedKeys());
        if (unprocessed.getCause() != null) { // a request failed: nothing more is sent
          return stop(
              PrefixDeletes.stopped(
                  undeleted, read, unprocessed.getCause(), next == null, batch.maxAttempts()),
              next);
        }
      }
      if (next == null) {
        if (undeleted.isEmpty()) {
          result.complete(deleted);
        } else {
          result.completeExceptionally(
              PrefixDeletes.stopped(undeleted, read, null, true, batch.maxAttempts()));
        }
        return CompletableFuture.completedFuture(null);
      }
      return next.handle(
          (page, failure) -> {
            if (failure != null) {
              result.completeExceptionally(
                  PrefixDeletes.queryFailed(
                      undeleted, read, Objects.requireNonNull(BatchRetry.unwrap(failure))));
              return null;
            }
            return page;
          });
    }

    private CompletableFuture<@Nullable QueryResponse> stop(
        Throwable failure, @Nullable CompletableFuture<QueryResponse> next) {
      if (next != null) {
        next.cancel(false); // the page read ahead is not needed
      }
      result.completeExceptionally(failure);
      return CompletableFuture.completedFuture(null);
    }
  }

  @Override
  public CompletableFuture<Optional<PartitionedContent<T>>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    ContentKey key = ContentKey.of(partitionIds, contentIds);
    return exactly(ops.deleteItem().write(key, ops.deleteItem().request(key)));
  }

  @Override
  public CompletableFuture<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion) {
    ContentKey key = ContentKey.of(partitionIds, contentIds);
    DeleteItemRequest request = ops.deleteItem().request(key, currentVersion);
    return exactly(ops.deleteItem().write(key, request))
        .thenApply(Optional::orElseThrow)
        .exceptionallyCompose(
            error -> {
              Throwable cause = BatchRetry.unwrap(error);
              if (!(cause instanceof ConditionalCheckFailedException failed)) {
                return CompletableFuture.failedFuture(cause);
              }
              CompletableFuture<@Nullable Map<String, AttributeValue>> stored =
                  failed.hasItem()
                      ? CompletableFuture.completedFuture(failed.item())
                      : ops.get().stored(client, request.key());
              return stored.thenCompose(
                  item ->
                      CompletableFuture.failedFuture(
                          ops.deleteItem().conditionFailure(key, currentVersion, item, failed)));
            });
  }

  @Override
  public CompletableFuture<Void> deleteBatch(Collection<ContentKey> keys) {
    return writeBatch(ops.batchWrite().deletes(keys), ChunkFailure.Operation.DELETE);
  }

  /**
   * {@link #writeAll} as the caller's future: cancelling it stops the batch (a publisher's
   * subscription is cancelled, no further chunk is sent; chunks already sent finish).
   */
  private CompletableFuture<Void> writeBatch(ChunkSource chunks, ChunkFailure.Operation operation) {
    CompletableFuture<Long> written = writeAll(chunks, operation);
    CompletableFuture<Void> done = written.thenApply(count -> null);
    done.whenComplete(
        (ignored, error) -> {
          if (done.isCancelled()) {
            written.cancel(false);
          }
        });
    return done;
  }

  /** Writes the chunks with at most {@code concurrency} in flight; yields how many there were. */
  private CompletableFuture<Long> writeAll(ChunkSource chunks, ChunkFailure.Operation operation) {
    return new AsyncBatchWriter(batch)
        .write(chunks, chunk -> ops.batchWrite().write(client, chunk), operation);
  }

  ItemMapper<T> mapper() {
    return ops.codec().mapper();
  }

  @Override
  public RepositorySettings settings() {
    return ops.settings();
  }

  @Override
  public void close() {
    // nothing of its own: the client belongs to the caller
  }

  @Override
  public String toString() {
    RepositorySettings s = ops.settings();
    return "AsyncDynamoRepository[" + s.modelType().getSimpleName() + " in " + s.tableName() + "]";
  }
}
