package io.github.pydanticdynamo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by {@link DynamoRepository.Builder} and {@link
 * AsyncDynamoRepository.Builder}. The model is checked when {@code build()} is called: a type
 * Jackson cannot map, or a property named like a reserved attribute ({@code _timestamp}, {@code
 * _object_version}, {@code _ttl}) or a key attribute, fails with {@link InvalidModelException}.
 *
 * <pre>{@code
 * DynamoRepository<FilmActor> repo = DynamoRepository.builder(FilmActor.class)
 *     .client(dynamoDbClient)
 *     .tableName("app-table")
 *     .partitionPrefix("test")
 *     .build();
 * }</pre>
 *
 * @param <T> the model type
 * @param <B> the concrete builder type
 */
public interface RepositoryBuilder<T, B extends RepositoryBuilder<T, B>> {
  /** The default partition key attribute name (the Python library's v1 default). */
  String DEFAULT_PARTITION_KEY = TableLayout.DEFAULT_PARTITION_KEY;

  /** The default sort key attribute name (the Python library's v1 default). */
  String DEFAULT_SORT_KEY = TableLayout.DEFAULT_SORT_KEY;

  /**
   * The table (required).
   *
   * @param tableName the table name
   * @return this builder
   */
  B tableName(String tableName);

  /**
   * The partition (hash) key attribute name; default {@value #DEFAULT_PARTITION_KEY}.
   *
   * @param attributeName the attribute name
   * @return this builder
   */
  B partitionKey(String attributeName);

  /**
   * The sort (range) key attribute name; default {@value #DEFAULT_SORT_KEY}.
   *
   * @param attributeName the attribute name
   * @return this builder
   */
  B sortKey(String attributeName);

  /**
   * The first part of every partition key, usually the application's name (required).
   *
   * @param prefix the prefix (no {@code #})
   * @return this builder
   */
  B partitionPrefix(String prefix);

  /**
   * The partition name; default {@link DynamoEntity#partitionName()}, else the content type.
   *
   * @param name the partition name (no {@code #})
   * @return this builder
   */
  B partitionName(String name);

  /**
   * The content type; default {@link DynamoEntity#contentType()}, else the type's simple name.
   *
   * @param contentType the content type (no {@code #})
   * @return this builder
   */
  B contentType(String contentType);

  /**
   * Whether reads are strongly consistent; default false.
   *
   * @param consistent true for consistent reads
   * @return this builder
   */
  B consistentReads(boolean consistent);

  /**
   * The Jackson 2 mapper for items; a copy is configured (ISO dates, unknown properties ignored),
   * the given one is never changed. Default: a mapper with the Java time, JDK 8 and parameter-name
   * modules.
   *
   * @param objectMapper the mapper
   * @return this builder
   */
  B objectMapper(ObjectMapper objectMapper);

  /**
   * A Bean Validation validator ({@code jakarta.validation.Validator}); items are validated before
   * {@code put} and {@code putBatch}, and an invalid item fails with {@link InvalidItemException}
   * before anything is written.
   *
   * @param validator the validator, or {@code null} for none
   * @return this builder
   */
  B validator(jakarta.validation.@Nullable Validator validator);

  /**
   * Concurrency and retries of batch operations; default {@link BatchSettings#defaults()}.
   *
   * @param settings the settings
   * @return this builder
   */
  B batchSettings(BatchSettings settings);

  /**
   * Leave out items whose expiry has passed (DynamoDB deletes expired items up to days late);
   * default false.
   *
   * @param hide true to hide expired items on reads
   * @return this builder
   */
  B hideExpired(boolean hide);

  /**
   * Adds a secondary index the repository writes and can query ({@code index(name)}); one of the
   * same name declared with {@link DynamoIndex} on the model is replaced. The properties it names
   * are checked against the model when {@code build()} is called.
   *
   * <pre>{@code
   * builder.index(SecondaryIndex.global("by-reviewer").partitionIds("reviewer").build());
   * }</pre>
   *
   * @param index the index
   * @return this builder
   */
  B index(SecondaryIndex index);

  /**
   * How keys, nulls and sets are written; default {@link StorageFormat#STANDARD}. Choose {@link
   * StorageFormat#PYTHON} when services using the Python library share the table: items are then
   * written exactly as the Python library writes them. Both formats read items of either.
   *
   * <pre>{@code
   * DynamoRepository.builder(FilmActor.class).storageFormat(StorageFormat.PYTHON)
   * }</pre>
   *
   * @param format the format
   * @return this builder
   */
  B storageFormat(StorageFormat format);

  /**
   * The key that seals continuation tokens ({@link BatchResponse#nextToken()}): the Base64 of 16,
   * 24 or 32 random bytes (an AES key, e.g. from {@code openssl rand -base64 32}). Tokens are
   * encrypted and authenticated with AES-GCM, so they reveal no key values and cannot be altered,
   * forged or used with another table, index, partition, content type, range or scan. Set the same
   * key on every instance that must accept another's tokens (several instances behind a load
   * balancer, or tokens kept across a restart). Default: one random key per process, so tokens do
   * not survive a restart and are not accepted by other instances. Text that is not such a key
   * fails here with {@link InvalidCommandException}. The key never appears in {@code toString()},
   * settings or messages.
   *
   * <pre>{@code
   * builder.tokenKey(System.getenv("TOKEN_KEY"))
   * }</pre>
   *
   * @param base64Key the Base64 (standard or URL-safe) of 16, 24 or 32 bytes
   * @return this builder
   */
  B tokenKey(String base64Key);

  /**
   * The clock for {@code _timestamp} and expiry checks; default the UTC system clock.
   *
   * @param clock the clock
   * @return this builder
   */
  B clock(Clock clock);
}
