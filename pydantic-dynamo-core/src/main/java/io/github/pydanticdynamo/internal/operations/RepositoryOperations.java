package io.github.pydanticdynamo.internal.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.paging.TokenSealer;
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
    return create(type, settings, objectMapper, validator, clock, TokenSealer.processKey());
  }

  /**
   * The operations for a model type whose continuation tokens {@code tokens} seals; the model is
   * checked here, before any request.
   */
  public static <T> RepositoryOperations<T> create(
      Class<T> type,
      RepositorySettings settings,
      @Nullable ObjectMapper objectMapper,
      @Nullable Object validator,
      Clock clock,
      TokenSealer tokens) {
    return of(settings, new ItemCodec<>(type, settings, objectMapper, validator, clock), tokens);
  }

  /**
   * The read operations of a projection of this repository's items into {@code type}, checked
   * against the model here (see {@link ItemCodec#projection}); its writes are never used.
   */
  public <P> RepositoryOperations<P> projection(Class<P> type) {
    return of(settings, codec.projection(type), query.sealer());
  }

  private static <T> RepositoryOperations<T> of(
      RepositorySettings settings, ItemCodec<T> codec, TokenSealer tokens) {
    String table = settings.tableName();
    boolean consistent = settings.consistentReads();
    return new RepositoryOperations<>(
        settings,
        codec,
        new PutItemOperation<>(table, codec),
        new GetItemOperation<>(table, codec, consistent),
        new UpdateItemOperation<>(table, codec),
        new QueryOperation<>(table, codec, consistent, tokens),
        new BatchWriteItemOperation<>(table, codec),
        new BatchGetItemOperation<>(table, codec, consistent),
        new DeleteItemOperation<>(table, codec),
        new WriteConditions<>(table, codec),
        new ScanOperation<>(
            table, codec, consistent, settings.batchSettings().concurrency(), tokens),
        new IndexQueryOperation<>(table, codec, consistent, tokens));
  }
}
