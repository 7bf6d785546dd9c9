package io.github.pydanticdynamo.internal;

import io.github.pydanticdynamo.BatchResponse;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.FilterCommand;
import io.github.pydanticdynamo.GetResponse;
import io.github.pydanticdynamo.IndexView;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.ProjectionView;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.RequestObjectStateException;
import io.github.pydanticdynamo.ScanOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.UnprocessedItemsException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.internal.batch.BatchEntry;
import io.github.pydanticdynamo.internal.batch.BatchRetry;
import io.github.pydanticdynamo.internal.batch.BatchWriter;
import io.github.pydanticdynamo.internal.batch.ChunkFailure;
import io.github.pydanticdynamo.internal.batch.ChunkReader;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The synchronous repository: control flow (send, page, retry) over the operations. */
final class DefaultDynamoRepository<T> implements DynamoRepository<T> {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final RepositoryOperations<T> ops;
  private final DynamoDbClient client;
  private final BatchSettings batch;
  private volatile @Nullable ExecutorService pool;
  private final @Nullable DefaultDynamoRepository<?> poolOwner;

  DefaultDynamoRepository(RepositoryOperations<T> operations, DynamoDbClient client) {
    this(operations, client, null);
  }

  /** A repository whose batch pool is {@code poolOwner}'s (the reads of a projection). */
  private DefaultDynamoRepository(
      RepositoryOperations<T> operations,
      DynamoDbClient client,
      @Nullable DefaultDynamoRepository<?> poolOwner) {
    this.ops = operations;
    this.client = client;
    this.batch = operations.settings().batchSettings();
    this.poolOwner = poolOwner;
  }

  @Override
  public <P> ProjectionView<P> projection(Class<P> type) {
    DefaultDynamoRepository<P> reads =
        new DefaultDynamoRepository<>(ops.projection(type), client, this);
    return new ProjectionView<>() {
      @Override
      public Class<P> type() {
        return type;
      }

      @Override
      public GetResponse<P> get(
          @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
        return reads.get(partitionIds, contentIds);
      }

      @Override
      public Stream<BatchResponse<P>> getBatch(Collection<ContentKey> keys) {
        return reads.getBatch(keys);
      }

      @Override
      public Stream<BatchResponse<P>> list(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentPrefix,
          QueryOptions options) {
        return reads.list(partitionIds, contentPrefix, options);
      }

      @Override
      public Stream<BatchResponse<P>> listBetween(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentStart,
          @Nullable List<String> contentEnd,
          QueryOptions options) {
        return reads.listBetween(partitionIds, contentStart, contentEnd, options);
      }

      @Override
      public Stream<BatchResponse<P>> scan(ScanOptions options) {
        return reads.scan(options);
      }

      @Override
      public IndexView<P> index(String name) {
        return reads.index(name);
      }

      @Override
      public String toString() {
        return "ProjectionView["
            + type.getSimpleName()
            + " of "
            + DefaultDynamoRepository.this
            + "]";
      }
    };
  }

  @Override
  public void put(PartitionedContent<T> content) {
    ops.put().put(client, content);
  }

  @Override
  public void put(PartitionedContent<T> content, FilterCommand condition) {
    PutItemRequest request =
        ops.conditions()
            .put(
                ops.put().request(content, ExactWrites.newWriteId(ExactWrites.Kind.REPLACE)),
                Objects.requireNonNull(condition, "condition"));
    try {
      exactly(ops.put().conditional(content.key(), request));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> key = ops.codec().keyAttributes(request.item());
      throw ops.conditions()
          .explain(client, content.key(), condition, key, ops.get().stored(client, key), e);
    }
  }

  @Override
  public boolean putIfAbsent(PartitionedContent<T> content) {
    try {
      return exactly(ops.put().create(content));
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public PartitionedContent<T> putIfVersion(PartitionedContent<T> content, long expectedVersion) {
    ExactWrites.Write<PutItemRequest, PutItemResponse, PartitionedContent<T>> write =
        ops.put().ifVersion(content, expectedVersion);
    try {
      return exactly(write);
    } catch (ConditionalCheckFailedException e) {
      throw ops.put()
          .versionFailure(
              content.key(), expectedVersion, ops.get().stored(client, write.rawKey()), e);
    }
  }

  /** Runs a write with an exact outcome over this repository's client. */
  @SuppressWarnings("unchecked")
  private <Q extends DynamoDbRequest, R, A> A exactly(ExactWrites.Write<Q, R, A> write) {
    return ExactWrites.run(
        write, batch, request -> (R) send(request), key -> ops.get().stored(client, key));
  }

  private Object send(DynamoDbRequest request) {
    if (request instanceof PutItemRequest put) {
      return client.putItem(put);
    }
    if (request instanceof UpdateItemRequest update) {
      return client.updateItem(update);
    }
    return client.deleteItem((DeleteItemRequest) request);
  }

  @Override
  public void putBatch(Iterable<PartitionedContent<T>> contents) {
    writeAll(ops.batchWrite().puts(contents), ChunkFailure.Operation.PUT);
  }

  @Override
  public PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command) {
    return update(ContentKey.of(partitionIds, contentIds), command, null);
  }

  @Override
  public PartitionedContent<T> update(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentIds,
      UpdateCommand command,
      FilterCommand condition) {
    return update(
        ContentKey.of(partitionIds, contentIds),
        command,
        Objects.requireNonNull(condition, "condition"));
  }

  private PartitionedContent<T> update(
      ContentKey key, UpdateCommand command, @Nullable FilterCommand condition) {
    UpdateItemRequest request = updateRequest(key, command, StateAdjustments.NONE, condition);
    try {
      return send(key, command, request, condition);
    } catch (RuntimeException e) {
      if (!UpdateItemOperation.isStateValidationError(e)) {
        throw e;
      }
      StateAdjustments adjustments =
          ops.update().adjustmentsFor(command, ops.get().stored(client, request.key()));
      if (adjustments.isEmpty()) {
        throw e;
      }
      return send(key, command, updateRequest(key, command, adjustments, condition), condition);
    }
  }

  private UpdateItemRequest updateRequest(
      ContentKey key,
      UpdateCommand command,
      StateAdjustments adjustments,
      @Nullable FilterCommand condition) {
    UpdateItemRequest request = ops.update().request(key, command, adjustments);
    return condition == null ? request : ops.conditions().update(request, condition);
  }

  private PartitionedContent<T> send(
      ContentKey key,
      UpdateCommand command,
      UpdateItemRequest request,
      @Nullable FilterCommand condition) {
    try {
      return exactly(ops.update().write(key, command, request));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored =
          e.hasItem() ? e.item() : ops.get().stored(client, request.key());
      RuntimeException failure = ops.update().conditionFailure(key, command, stored, e);
      if (condition != null && failure.getClass() == RequestObjectStateException.class) {
        failure = ops.conditions().explain(client, key, condition, request.key(), stored, e);
      }
      throw failure;
    }
  }

  @Override
  public GetResponse<T> get(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    return ops.get().get(client, ContentKey.of(partitionIds, contentIds));
  }

  @Override
  public Stream<BatchResponse<T>> getBatch(Collection<ContentKey> keys) {
    ops.batchGet().check(keys);
    ReadAhead pages = new ReadAhead(keys);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(pages::cancel);
  }

  /**
   * Reads up to {@code concurrency} chunks ahead on the batch pool (nothing before the first page
   * is asked for) and hands the pages out in key order. Each chunk's keys are read from the
   * caller's collection when the chunk is started and dropped once its page is handed out.
   */
  private final class ReadAhead implements Iterator<BatchResponse<T>> {
    private record Reading<T>(List<BatchEntry> chunk, Future<BatchResponse<T>> page) {}

    private final ChunkReader<ContentKey> chunks;
    private final ArrayDeque<Reading<T>> inFlight = new ArrayDeque<>();

    ReadAhead(Collection<ContentKey> keys) {
      this.chunks = ops.batchGet().chunks(keys);
    }

    @Override
    public boolean hasNext() {
      return !inFlight.isEmpty() || chunks.hasNext();
    }

    @Override
    public BatchResponse<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (batch.concurrency() == 1) {
        List<BatchEntry> chunk = Objects.requireNonNull(chunks.next());
        try {
          return readChunk(chunk);
        } catch (ChunkFailure.GaveUp e) {
          throw ChunkFailure.readFailure(chunks.total(), e, chunks.rest());
        }
      }
      while (inFlight.size() < batch.concurrency() && chunks.hasNext()) {
        List<BatchEntry> chunk = Objects.requireNonNull(chunks.next());
        inFlight.add(new Reading<>(chunk, pool().submit(() -> readChunk(chunk))));
      }
      Reading<T> head = Objects.requireNonNull(inFlight.poll());
      try {
        return head.page().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ChunkFailure.GaveUp gaveUp) {
          throw ChunkFailure.readFailure(chunks.total(), gaveUp, unread());
        }
        cancel();
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        List<BatchEntry> unread = new ArrayList<>(head.chunk());
        unread.addAll(unread());
        throw ChunkFailure.exception(
            ChunkFailure.Operation.GET,
            chunks.total(),
            batch.maxAttempts(),
            List.of(new ChunkFailure(unread, e)));
      }
    }

    /** The keys of the chunks after the one handed out, now not read: the stream ends. */
    private List<BatchEntry> unread() {
      List<BatchEntry> unread = new ArrayList<>();
      for (Reading<T> reading : inFlight) {
        unread.addAll(reading.chunk());
      }
      cancel();
      unread.addAll(chunks.rest());
      return unread;
    }

    void cancel() {
      inFlight.forEach(reading -> reading.page().cancel(true));
      inFlight.clear();
    }
  }

  private BatchResponse<T> readChunk(List<BatchEntry> chunk) {
    BatchReads<T> reads = ops.batchGet().reads(chunk);
    for (int attempt = 1; ; attempt++) {
      Throwable error = null;
      try {
        reads.accept(ops.batchGet().read(client, reads));
      } catch (RuntimeException e) {
        error = e;
      }
      BatchRetry.Decision<BatchEntry> decision =
          BatchRetry.decide(batch, attempt, reads.pending(), error);
      switch (decision.kind()) {
        case DONE -> {
          return BatchResponse.of(reads.contents(), null);
        }
        case RETRY -> BatchRetry.sleep(decision.delay());
        case GIVE_UP -> throw new ChunkFailure.GaveUp(decision, attempt);
      }
    }
  }

  @Override
  public Stream<BatchResponse<T>> list(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentPrefix,
      QueryOptions options) {
    return pages(ops.query().list(partitionIds, contentPrefix, options));
  }

  @Override
  public Stream<BatchResponse<T>> listBetween(
      @Nullable List<String> partitionIds,
      @Nullable List<String> contentStart,
      @Nullable List<String> contentEnd,
      QueryOptions options) {
    return pages(ops.query().between(partitionIds, contentStart, contentEnd, options));
  }

  private Stream<BatchResponse<T>> pages(QueryPlan plan) {
    QueryPager<T> pager = ops.query().pager(plan);
    Iterator<BatchResponse<T>> pages =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !pager.done();
          }

          @Override
          public BatchResponse<T> next() {
            if (pager.done()) {
              throw new NoSuchElementException();
            }
            return ops.query().page(client, pager);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public IndexView<T> index(String name) {
    SecondaryIndex index = ops.indexQuery().index(name);
    return new IndexView<>() {
      @Override
      public SecondaryIndex index() {
        return index;
      }

      @Override
      public Stream<BatchResponse<T>> list(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentPrefix,
          QueryOptions options) {
        return indexPages(ops.indexQuery().list(name, partitionIds, contentPrefix, options));
      }

      @Override
      public Stream<BatchResponse<T>> listBetween(
          @Nullable List<String> partitionIds,
          @Nullable List<String> contentStart,
          @Nullable List<String> contentEnd,
          QueryOptions options) {
        return indexPages(
            ops.indexQuery().between(name, partitionIds, contentStart, contentEnd, options));
      }

      @Override
      public String toString() {
        return "IndexView[" + index.name() + " of " + DefaultDynamoRepository.this + "]";
      }
    };
  }

  private Stream<BatchResponse<T>> indexPages(IndexQueryPlan plan) {
    IndexPager<T> pager = ops.indexQuery().pager(plan);
    Iterator<BatchResponse<T>> pages =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !pager.done();
          }

          @Override
          public BatchResponse<T> next() {
            if (pager.done()) {
              throw new NoSuchElementException();
            }
            return ops.indexQuery().page(client, pager);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public Stream<BatchResponse<T>> scan(ScanOptions options) {
    ScanPlan plan = ops.scan().plan(options);
    ScanWalk walk = new ScanWalk(ops.scan().pager(plan), plan.concurrency());
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(walk::cancel);
  }

  /**
   * Keeps up to the plan's concurrency of segment requests out on the batch pool (nothing before
   * the first page is asked for), and hands pages out in the order they were asked.
   */
  private final class ScanWalk implements Iterator<BatchResponse<T>> {
    private record Asked(int segment, Future<ScanResponse> response) {}

    private final ScanPager<T> pager;
    private final int concurrency;
    private final ArrayDeque<Asked> inFlight = new ArrayDeque<>();

    ScanWalk(ScanPager<T> pager, int concurrency) {
      this.pager = pager;
      this.concurrency = concurrency;
    }

    @Override
    public boolean hasNext() {
      return !pager.done();
    }

    @Override
    public BatchResponse<T> next() {
      if (pager.done()) {
        throw new NoSuchElementException();
      }
      if (concurrency == 1) {
        int segment = pager.nextReady();
        return pager.accept(segment, ops.scan().page(client, pager.request(segment)));
      }
      for (int segment = inFlight.size() < concurrency ? pager.nextReady() : -1;
          segment >= 0;
          segment = inFlight.size() < concurrency ? pager.nextReady() : -1) {
        ScanRequest request = pager.request(segment);
        inFlight.add(new Asked(segment, pool().submit(() -> ops.scan().page(client, request))));
      }
      Asked head = inFlight.poll();
      try {
        BatchResponse<T> page = pager.accept(head.segment(), head.response().get());
        if (pager.done()) {
          cancel();
        }
        return page;
      } catch (ExecutionException e) {
        cancel();
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new IllegalStateException("interrupted while scanning", e);
      }
    }

    void cancel() {
      inFlight.forEach(asked -> asked.response().cancel(true));
      inFlight.clear();
    }
  }

  @Override
  public long delete(@Nullable List<String> partitionIds, @Nullable List<String> contentPrefix) {
    KeyPages keys = new KeyPages(ops.query().keys(partitionIds, contentPrefix));
    ChunkReader<Map<String, AttributeValue>> chunks = ops.batchWrite().deletesOf(keys, -1);
    try {
      return writeAll(chunks, ChunkFailure.Operation.DELETE);
    } catch (UnprocessedItemsException e) {
      List<ContentKey> undeleted = new ArrayList<>(e.undeletedKeys());
      List<Map<String, AttributeValue>> inHand = keys.rest();
      for (Map<String, AttributeValue> key : inHand) {
        undeleted.add(ops.batchWrite().delete(key).key());
      }
      long read = chunks.read() + inHand.size();
      RuntimeException queryFailure = keys.failure;
      if (queryFailure != null) {
        throw PrefixDeletes.queryFailed(undeleted, read, queryFailure);
      }
      throw PrefixDeletes.stopped(undeleted, read, e.getCause(), keys.done(), batch.maxAttempts());
    }
  }

  /**
   * The stored keys under a prefix, one page of the keys-only query at a time: the next page is
   * read when this one is used up (while the chunks already read are being deleted), so no more
   * than a page of keys is held. Deleting items already read does not move the query's start key.
   */
  private final class KeyPages implements Iterator<Map<String, AttributeValue>> {
    private final QueryRequest query;
    private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();
    private @Nullable Map<String, AttributeValue> start;
    private boolean last;
    private @Nullable RuntimeException failure;

    KeyPages(QueryRequest query) {
      this.query = query;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext()) {
        if (last) {
          return false;
        }
        QueryResponse response;
        try {
          response = ops.query().keysPage(client, query, start);
        } catch (RuntimeException e) {
          failure = e;
          last = true;
          throw e;
        }
        page = response.items().iterator();
        start =
            response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey()
                : null;
        last = start == null;
      }
      return true;
    }

    @Override
    public Map<String, AttributeValue> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }

    /** Whether the query read every item under the prefix. */
    boolean done() {
      return last && failure == null;
    }

    /** The keys of the page in hand not handed out yet (no further page is read). */
    List<Map<String, AttributeValue>> rest() {
      List<Map<String, AttributeValue>> rest = new ArrayList<>();
      page.forEachRemaining(rest::add);
      return rest;
    }
  }

  @Override
  public Optional<PartitionedContent<T>> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds) {
    ContentKey key = ContentKey.of(partitionIds, contentIds);
    return exactly(ops.deleteItem().write(key, ops.deleteItem().request(key)));
  }

  @Override
  public PartitionedContent<T> deleteItem(
      @Nullable List<String> partitionIds, @Nullable List<String> contentIds, long currentVersion) {
    ContentKey key = ContentKey.of(partitionIds, contentIds);
    DeleteItemRequest request = ops.deleteItem().request(key, currentVersion);
    try {
      return exactly(ops.deleteItem().write(key, request)).orElseThrow();
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored =
          e.hasItem() ? e.item() : ops.get().stored(client, request.key());
      throw ops.deleteItem().conditionFailure(key, currentVersion, stored, e);
    }
  }

  @Override
  public void deleteBatch(Collection<ContentKey> keys) {
    writeAll(ops.batchWrite().deletes(keys), ChunkFailure.Operation.DELETE);
  }

  /** Writes the chunks, several at once; returns how many entries were written. */
  private long writeAll(ChunkReader<?> chunks, ChunkFailure.Operation operation) {
    return new BatchWriter(batch, this::pool)
        .write(chunks, chunk -> ops.batchWrite().write(client, chunk), operation);
  }

  ExecutorService pool() {
    if (poolOwner != null) {
      return poolOwner.pool();
    }
    ExecutorService current = pool;
    if (current == null) {
      synchronized (this) {
        current = pool;
        if (current == null) {
          int id = POOLS.incrementAndGet();
          AtomicInteger threads = new AtomicInteger();
          ThreadFactory factory =
              runnable -> {
                Thread thread =
                    new Thread(
                        runnable, "pydantic-dynamo-batch-" + id + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              };
          current = Executors.newFixedThreadPool(batch.concurrency(), factory);
          pool = current;
        }
      }
    }
    return current;
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
    ExecutorService current = pool;
    if (current != null) {
      current.shutdown();
    }
  }

  @Override
  public String toString() {
    RepositorySettings s = ops.settings();
    return "DynamoRepository[" + s.modelType().getSimpleName() + " in " + s.tableName() + "]";
  }
}
