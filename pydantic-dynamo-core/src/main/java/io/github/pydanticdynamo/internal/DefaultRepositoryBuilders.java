package io.github.pydanticdynamo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.DynamoEntity;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.RepositoryBuilder;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.internal.operations.RepositoryOperations;
import io.github.pydanticdynamo.internal.paging.TokenSealer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The builders behind {@link DynamoRepository#builder} and its async twin. */
public final class DefaultRepositoryBuilders {
  private DefaultRepositoryBuilders() {}

  /** A builder for a synchronous repository. */
  public static <T> DynamoRepository.Builder<T> sync(Class<T> type) {
    return new SyncBuilder<>(type);
  }

  /** A builder for an asynchronous repository. */
  public static <T> AsyncDynamoRepository.Builder<T> async(Class<T> type) {
    return new AsyncBuilder<>(type);
  }

  /** The settings both builders share. */
  @SuppressWarnings("unchecked")
  abstract static class Base<T, B extends RepositoryBuilder<T, B>>
      implements RepositoryBuilder<T, B> {
    final Class<T> type;
    private @Nullable String tableName;
    private String partitionKey = DEFAULT_PARTITION_KEY;
    private String sortKey = DEFAULT_SORT_KEY;
    private @Nullable String partitionPrefix;
    private @Nullable String partitionName;
    private @Nullable String contentType;
    private boolean consistentReads;
    private boolean hideExpired;
    private @Nullable ObjectMapper objectMapper;
    private @Nullable Object validator;
    private BatchSettings batchSettings = BatchSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
    private StorageFormat storageFormat = StorageFormat.STANDARD;
    private TokenSealer tokens = TokenSealer.processKey();

    Base(Class<T> type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public B tableName(String value) {
      this.tableName = value;
      return (B) this;
    }

    @Override
    public B partitionKey(String value) {
      this.partitionKey = value;
      return (B) this;
    }

    @Override
    public B sortKey(String value) {
      this.sortKey = value;
      return (B) this;
    }

    @Override
    public B partitionPrefix(String value) {
      this.partitionPrefix = value;
      return (B) this;
    }

    @Override
    public B partitionName(String value) {
      this.partitionName = value;
      return (B) this;
    }

    @Override
    public B contentType(String value) {
      this.contentType = value;
      return (B) this;
    }

    @Override
    public B consistentReads(boolean value) {
      this.consistentReads = value;
      return (B) this;
    }

    @Override
    public B objectMapper(ObjectMapper value) {
      this.objectMapper = value;
      return (B) this;
    }

    @Override
    public B validator(jakarta.validation.@Nullable Validator value) {
      this.validator = value;
      return (B) this;
    }

    @Override
    public B batchSettings(BatchSettings value) {
      this.batchSettings = Objects.requireNonNull(value, "batchSettings");
      return (B) this;
    }

    @Override
    public B hideExpired(boolean value) {
      this.hideExpired = value;
      return (B) this;
    }

    @Override
    public B index(SecondaryIndex value) {
      SecondaryIndex index = Objects.requireNonNull(value, "index");
      this.indexes.put(index.name(), index);
      return (B) this;
    }

    @Override
    public B storageFormat(StorageFormat value) {
      this.storageFormat = Objects.requireNonNull(value, "storageFormat");
      return (B) this;
    }

    @Override
    public B tokenKey(String base64Key) {
      this.tokens = TokenSealer.withKey(Objects.requireNonNull(base64Key, "tokenKey"), "tokenKey");
      return (B) this;
    }

    @Override
    public B clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return (B) this;
    }

    /** The repository's operations; the model is checked here, before the first request. */
    RepositoryOperations<T> operations(@Nullable Object client) {
      return RepositoryOperations.create(
          type, settings(client), objectMapper, validator, clock, tokens);
    }

    private RepositorySettings settings(@Nullable Object client) {
      if (client == null) {
        throw new InvalidCommandException(
            "no DynamoDB client for the " + type.getSimpleName() + " repository; call client(...)");
      }
      DynamoEntity entity = type.getAnnotation(DynamoEntity.class);
      String table = firstNonBlank(tableName, entity == null ? null : entity.tableName());
      String content = firstNonBlank(contentType, entity == null ? null : entity.contentType());
      if (content == null) {
        content = type.getSimpleName();
      }
      String name = firstNonBlank(partitionName, entity == null ? null : entity.partitionName());
      if (name == null) {
        name = content;
      }
      RepositorySettings settings =
          new RepositorySettings(
              type,
              required(table, "tableName", "the table to store " + type.getSimpleName() + " in"),
              keyName(partitionKey, "partitionKey"),
              keyName(sortKey, "sortKey"),
              keyPart(
                  required(partitionPrefix, "partitionPrefix", "usually the application's name"),
                  "partitionPrefix"),
              keyPart(name, "partitionName"),
              keyPart(content, "contentType"),
              consistentReads,
              hideExpired,
              batchSettings,
              indexes(),
              storageFormat);
      if (settings.partitionKey().equals(settings.sortKey())) {
        throw new InvalidCommandException(
            "partitionKey and sortKey are both '"
                + settings.partitionKey()
                + "'; the table needs two different key attributes");
      }
      if (!settings.indexes().isEmpty()) {
        settings.tableLayout(); // an index on a key attribute of the table fails here
      }
      return settings;
    }

    /** The annotated indexes, with those given to the builder in place of same-named ones. */
    private List<SecondaryIndex> indexes() {
      Map<String, SecondaryIndex> all = new LinkedHashMap<>();
      for (SecondaryIndex declared : SecondaryIndex.declaredOn(type)) {
        all.put(declared.name(), declared);
      }
      all.putAll(indexes);
      return List.copyOf(all.values());
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
      if (first != null && !first.isBlank()) {
        return first;
      }
      return second != null && !second.isBlank() ? second : null;
    }

    private String required(@Nullable String value, String setting, String meaning) {
      if (value == null || value.isBlank()) {
        throw new InvalidCommandException(
            "no "
                + setting
                + " for the "
                + type.getSimpleName()
                + " repository; set "
                + setting
                + "(...) ("
                + meaning
                + ")");
      }
      return value;
    }

    private static String keyName(@Nullable String value, String setting) {
      if (value == null || value.isBlank()) {
        throw new InvalidCommandException(setting + " is blank; name the table's key attribute");
      }
      return value;
    }

    private static String keyPart(String value, String setting) {
      if (value.indexOf('#') >= 0) {
        throw new InvalidCommandException(
            setting
                + " '"
                + value
                + "' contains the key separator '#', which would let key spaces collide;"
                + " choose a name without '#'");
      }
      return value;
    }
  }

  private static final class SyncBuilder<T> extends Base<T, DynamoRepository.Builder<T>>
      implements DynamoRepository.Builder<T> {
    private @Nullable DynamoDbClient client;

    SyncBuilder(Class<T> type) {
      super(type);
    }

    @Override
    public DynamoRepository.Builder<T> client(DynamoDbClient value) {
      this.client = value;
      return this;
    }

    @Override
    public DynamoRepository<T> build() {
      RepositoryOperations<T> operations = operations(client);
      return new DefaultDynamoRepository<>(
          operations, MissingTables.sync(Objects.requireNonNull(client), operations.settings()));
    }
  }

  private static final class AsyncBuilder<T> extends Base<T, AsyncDynamoRepository.Builder<T>>
      implements AsyncDynamoRepository.Builder<T> {
    private @Nullable DynamoDbAsyncClient client;

    AsyncBuilder(Class<T> type) {
      super(type);
    }

    @Override
    public AsyncDynamoRepository.Builder<T> client(DynamoDbAsyncClient value) {
      this.client = value;
      return this;
    }

    @Override
    public AsyncDynamoRepository<T> build() {
      RepositoryOperations<T> operations = operations(client);
      return new DefaultAsyncDynamoRepository<>(
          operations, MissingTables.async(Objects.requireNonNull(client), operations.settings()));
    }
  }
}
