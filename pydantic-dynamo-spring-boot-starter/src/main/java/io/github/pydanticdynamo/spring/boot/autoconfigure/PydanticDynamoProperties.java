package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.RepositoryBuilder;
import io.github.pydanticdynamo.StorageFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the repositories the starter creates, under {@code pydantic-dynamo.*}.
 *
 * <pre>{@code
 * pydantic-dynamo:
 *   table-name: app-table
 *   partition-prefix: myapp
 *   entities:
 *     film-actor:
 *       partition-name: actors
 *       consistent-reads: true
 *       storage-format: python
 * }</pre>
 *
 * @param enabled Whether the starter creates its clients and repositories.
 * @param tableName Default table of every entity that names no table of its own: 3 to 255 letters,
 *     digits, '_', '-' and '.'.
 * @param partitionKey Partition (hash) key attribute name of the tables; an entity can name its own
 *     with pydantic-dynamo.entities.[name].partition-key.
 * @param sortKey Sort (range) key attribute name of the tables; an entity can name its own with
 *     pydantic-dynamo.entities.[name].sort-key.
 * @param partitionPrefix First part of every partition key, usually the application's name.
 * @param consistentReads Whether reads are strongly consistent by default.
 * @param hideExpired Whether reads leave out items whose expiry has passed but that DynamoDB has
 *     not deleted yet.
 * @param createTables Whether missing tables are created at startup, with string keys named as
 *     configured, on-demand billing and time to live on the "_ttl" attribute. For development only.
 * @param verifyTables Whether every table the entities use is checked at startup (one DescribeTable
 *     per table): it must exist, be usable and have the configured key names, typed S. Needs the
 *     dynamodb:DescribeTable permission; when it is denied, startup goes on with a warning.
 * @param batch Concurrency and retries of batch operations.
 * @param entities Per-entity settings, keyed by the entity's simple name in kebab case, such as
 *     "film-actor" for FilmActor.
 * @param storageFormat How keys, nulls and sets are written: "standard" (escaped ids, nulls and
 *     empty sets omitted, native sets) or "python" (exactly what the Python library pydantic-dynamo
 *     writes, for tables Java and Python services share).
 * @param tokenKey Key that seals continuation tokens (AES-GCM): the Base64 of 16, 24 or 32 random
 *     bytes, such as the output of "openssl rand -base64 32". Set the same key on every instance
 *     that must accept another's tokens (several instances behind a load balancer, or tokens kept
 *     across restarts). Unset: a random key per process, so tokens do not survive a restart and
 *     other instances refuse them. Never logged or shown.
 * @param client Timeouts the starter sets on the DynamoDB clients it configures, unless already set
 *     by a customizer.
 */
@ConfigurationProperties(PydanticDynamoProperties.PREFIX)
public record PydanticDynamoProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable String tableName,
    @DefaultValue(RepositoryBuilder.DEFAULT_PARTITION_KEY) String partitionKey,
    @DefaultValue(RepositoryBuilder.DEFAULT_SORT_KEY) String sortKey,
    @Nullable String partitionPrefix,
    @DefaultValue("false") boolean consistentReads,
    @DefaultValue("false") boolean hideExpired,
    @DefaultValue("false") boolean createTables,
    @DefaultValue("true") boolean verifyTables,
    @DefaultValue Batch batch,
    @DefaultValue Map<String, Entity> entities,
    @DefaultValue("standard") StorageFormat storageFormat,
    @Nullable String tokenKey,
    @DefaultValue Client client) {

  /** The prefix of these properties. */
  public static final String PREFIX = "pydantic-dynamo";

  /**
   * Creates the properties (Spring Boot binds them); keeps the per-entity map immutable and checks
   * the table names against DynamoDB's rules, so a bad one stops startup when it binds.
   *
   * @param enabled see {@link #enabled()}
   * @param tableName see {@link #tableName()}
   * @param partitionKey see {@link #partitionKey()}
   * @param sortKey see {@link #sortKey()}
   * @param partitionPrefix see {@link #partitionPrefix()}
   * @param consistentReads see {@link #consistentReads()}
   * @param hideExpired see {@link #hideExpired()}
   * @param createTables see {@link #createTables()}
   * @param verifyTables see {@link #verifyTables()}
   * @param batch see {@link #batch()}
   * @param entities see {@link #entities()}
   * @param storageFormat see {@link #storageFormat()}
   * @param tokenKey see {@link #tokenKey()}
   * @param client see {@link #client()}
   */
  public PydanticDynamoProperties {
    entities = Map.copyOf(entities);
    TableNames.check(tableName, PREFIX + ".table-name");
    for (Map.Entry<String, Entity> entity : new TreeMap<>(entities).entrySet()) {
      TableNames.check(
          entity.getValue().tableName(), PREFIX + ".entities." + entity.getKey() + ".table-name");
    }
  }

  /**
   * These properties without the token key's value (shown as {@code [set]} when there is one), so
   * logging the properties never logs the key.
   *
   * @return the properties as text
   */
  @Override
  public String toString() {
    return "PydanticDynamoProperties[enabled="
        + enabled
        + ", tableName="
        + tableName
        + ", partitionKey="
        + partitionKey
        + ", sortKey="
        + sortKey
        + ", partitionPrefix="
        + partitionPrefix
        + ", consistentReads="
        + consistentReads
        + ", hideExpired="
        + hideExpired
        + ", createTables="
        + createTables
        + ", verifyTables="
        + verifyTables
        + ", batch="
        + batch
        + ", entities="
        + entities
        + ", storageFormat="
        + storageFormat
        + ", tokenKey="
        + (tokenKey == null ? "null" : "[set]")
        + ", client="
        + client
        + "]";
  }

  /**
   * The overrides for one entity, found by its kebab-case simple name ({@code film-actor}); the
   * lookup also accepts the simple name itself or any other casing and dashes of it.
   *
   * <pre>{@code
   * Entity actor = properties.entity(FilmActor.class);
   * }</pre>
   *
   * @param entityType the entity type
   * @return the overrides, or {@code null} when none are configured
   */
  public @Nullable Entity entity(Class<?> entityType) {
    String wanted = normalize(entityType.getSimpleName());
    for (Map.Entry<String, Entity> entry : entities.entrySet()) {
      if (normalize(entry.getKey()).equals(wanted)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * The key under {@code pydantic-dynamo.entities} for an entity type: its simple name in kebab
   * case.
   *
   * <pre>{@code
   * PydanticDynamoProperties.entityKey(FilmActor.class); // "film-actor"
   * }</pre>
   *
   * @param entityType the entity type
   * @return the kebab-case simple name
   */
  public static String entityKey(Class<?> entityType) {
    String name = entityType.getSimpleName();
    StringBuilder key = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
        boolean beforeLower =
            i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (key.length() > 0
            && (afterLower || beforeLower)
            && key.charAt(key.length() - 1) != '-') {
          key.append('-');
        }
        key.append(Character.toLowerCase(c));
      } else {
        key.append(c == '_' ? '-' : c);
      }
    }
    return key.toString();
  }

  private static String kebab(String camel) {
    StringBuilder kebab = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        kebab.append('-').append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString();
  }

  static String normalize(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Settings of one entity that override the defaults and its {@code @DynamoEntity} annotation.
   *
   * <pre>{@code
   * pydantic-dynamo.entities.film-actor.table-name=other-table
   * }</pre>
   *
   * @param partitionName Partition name, the part of the partition key after the prefix. Overrides
   *     the @DynamoEntity partitionName; defaults to the content type.
   * @param contentType Content type, the first part of every sort key. Overrides the @DynamoEntity
   *     contentType; defaults to the entity's simple name.
   * @param tableName Table of the entity. Overrides the @DynamoEntity tableName and
   *     pydantic-dynamo.table-name.
   * @param partitionPrefix Partition prefix of the entity. Overrides
   *     pydantic-dynamo.partition-prefix.
   * @param consistentReads Whether the entity's reads are strongly consistent. Overrides
   *     pydantic-dynamo.consistent-reads.
   * @param partitionKey Partition (hash) key attribute name of the entity's table. Overrides
   *     pydantic-dynamo.partition-key.
   * @param sortKey Sort (range) key attribute name of the entity's table. Overrides
   *     pydantic-dynamo.sort-key.
   * @param storageFormat How the entity's items are written ("standard" or "python"). Overrides
   *     pydantic-dynamo.storage-format.
   */
  public record Entity(
      @Nullable String partitionName,
      @Nullable String contentType,
      @Nullable String tableName,
      @Nullable String partitionPrefix,
      @Nullable Boolean consistentReads,
      @Nullable String partitionKey,
      @Nullable String sortKey,
      @Nullable StorageFormat storageFormat) {

    /**
     * The names of these settings as they are written under {@code
     * pydantic-dynamo.entities.<name>}, sorted.
     *
     * <pre>{@code
     * Entity.settingNames(); // [consistent-reads, content-type, partition-key, ...]
     * }</pre>
     *
     * @return the kebab-case names
     */
    public static List<String> settingNames() {
      return Arrays.stream(Entity.class.getRecordComponents())
          .map(component -> kebab(component.getName()))
          .sorted()
          .toList();
    }
  }

  /**
   * How batch operations run, mapped to the core {@link BatchSettings}.
   *
   * <pre>{@code
   * pydantic-dynamo.batch.max-attempts=12
   * pydantic-dynamo.batch.max-delay=5s
   * }</pre>
   *
   * @param concurrency Chunk requests in flight at once, 1 to 64 (1 is sequential).
   * @param maxAttempts Attempts per chunk, including the first.
   * @param baseDelay Backoff before the first retry of unprocessed work, doubled each attempt and
   *     fully jittered.
   * @param maxDelay Cap on one backoff.
   */
  public record Batch(
      @DefaultValue("8") int concurrency,
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("25ms") Duration baseDelay,
      @DefaultValue("2s") Duration maxDelay) {

    /**
     * The core settings these properties describe.
     *
     * @return the batch settings
     * @throws io.github.pydanticdynamo.InvalidCommandException when a value is out of range
     */
    public BatchSettings toBatchSettings() {
      return new BatchSettings(concurrency, maxAttempts, baseDelay, maxDelay);
    }
  }

  /**
   * Timeouts of the DynamoDB clients the starter configures (Spring Cloud AWS's {@code
   * DynamoDbClient} and the starter's {@code DynamoDbAsyncClient}). Without them the SDK waits as
   * long as the HTTP client lets it: a frozen endpoint takes minutes per call across retries. A
   * timeout already set by a customizer is kept; zero leaves the SDK's own behaviour.
   *
   * <pre>{@code
   * pydantic-dynamo.client.api-call-timeout=10s
   * pydantic-dynamo.client.api-call-attempt-timeout=2s
   * }</pre>
   *
   * @param apiCallTimeout Time a whole call may take, across all its attempts and retries; zero
   *     sets none.
   * @param apiCallAttemptTimeout Time one attempt (one HTTP request) may take before it is retried;
   *     zero sets none.
   */
  public record Client(
      @DefaultValue("20s") Duration apiCallTimeout,
      @DefaultValue("5s") Duration apiCallAttemptTimeout) {

    /**
     * Checks the durations: negative ones stop startup when they bind.
     *
     * @param apiCallTimeout see {@link #apiCallTimeout()}
     * @param apiCallAttemptTimeout see {@link #apiCallAttemptTimeout()}
     */
    public Client {
      if (apiCallTimeout.isNegative() || apiCallAttemptTimeout.isNegative()) {
        throw new PydanticDynamoConfigurationException(
            "The pydantic-dynamo.client timeouts are invalid: api-call-timeout is "
                + apiCallTimeout
                + " and api-call-attempt-timeout "
                + apiCallAttemptTimeout
                + ", and neither may be negative.",
            "Set pydantic-dynamo.client.api-call-timeout and"
                + " pydantic-dynamo.client.api-call-attempt-timeout to positive durations (such as"
                + " 20s and 5s), or 0s for none.",
            null);
      }
    }
  }
}
