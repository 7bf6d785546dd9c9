package io.github.pydanticdynamo.internal.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The operations of one repository, built once and shared by its sync or async driver. */
public record RepositoryOperations<T>(
    RepositorySettings settings,
    ItemCodec<T> codec,
    PutItemOperation<T> put,
    GetItemOperation<T> get,
    UpdateItemOperation<T> update,
    QueryOperation<T> query,
    BatchWriteItemOperation<T> batchWrite,
    BatchGetItemOperation<T> batchGet,
    DeleteItemOperation<T> deleteItem,
    WriteConditions<T> conditions,
    ScanOperation<T> scan,
    IndexQueryOperation<T> indexQuery) {

  /**
   * The operations for a model type; the model is checked here, before any request.
   *
   * @param objectMapper the caller's mapper, or null for the default
   * @param validator a {@code jakarta.validation.Validator}, or null
   */
  public static <T> RepositoryOperations<T> create(
      Class<T> type,
      RepositorySettings settings,
      @Nullable ObjectMapper objectMapper,
      @Nullable Object validator,
      Clock clock) {
    return of(settings, new ItemCodec<>(type, settings, objectMapper, validator, clock));
  }

  /**
   * The read operations of a projection of this repository's items into {@code type}, checked
   * against the model here (see {@link ItemCodec#projection}); its writes are never used.
   */
  public <P> RepositoryOperations<P> projection(Class<P> type) {
    return of(settings, codec.projection(type));
  }

  private static <T> RepositoryOperations<T> of(RepositorySettings settings, ItemCodec<T> codec) {
    String table = settings.tableName();
    boolean consistent = settings.consistentReads();
    return new RepositoryOperations<>(
        settings,
        codec,
        new PutItemOperation<>(table, codec),
        new GetItemOperation<>(table, codec, consistent),
        new UpdateItemOperation<>(table, codec),
        new QueryOperation<>(table, codec, consistent),
        new BatchWriteItemOperation<>(table, codec),
        new BatchGetItemOperation<>(table, codec, consistent),
        new DeleteItemOperation<>(table, codec),
        new WriteConditions<>(table, codec),
        new ScanOperation<>(table, codec, consistent, settings.batchSettings().concurrency()),
        new IndexQueryOperation<>(table, codec, consistent));
  }
}
