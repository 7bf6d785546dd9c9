package io.github.pydanticdynamo.spring.boot.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.PydanticDynamoException;
import io.github.pydanticdynamo.RepositoryBuilder;
import io.github.pydanticdynamo.StorageFormat;
import io.github.pydanticdynamo.TableLayout;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the repository beans and turns the core's model errors into start-up failures. */
final class DynamoRepositoryFactory {
  private static final Logger log = LoggerFactory.getLogger(DynamoRepositoryFactory.class);

  private final DynamoEntityCatalog catalog;
  private final PydanticDynamoProperties properties;
  private final ObjectProvider<DynamoDbClient> client;
  private final ObjectProvider<DynamoDbAsyncClient> asyncClient;
  private final PydanticDynamoObjectMapper objectMapper;
  private final @Nullable Object validator;
  private final List<RepositoryDecorator> decorators;
  private volatile @Nullable BatchSettings batchSettings;

  DynamoRepositoryFactory(
      DynamoEntityCatalog catalog,
      PydanticDynamoProperties properties,
      ObjectProvider<DynamoDbClient> client,
      ObjectProvider<DynamoDbAsyncClient> asyncClient,
      PydanticDynamoObjectMapper objectMapper,
      @Nullable Object validator,
      List<RepositoryDecorator> decorators) {
    this.catalog = catalog;
    this.properties = properties;
    this.client = client;
    this.asyncClient = asyncClient;
    this.objectMapper = objectMapper;
    this.validator = validator;
    this.decorators = List.copyOf(decorators);
    if (properties.tokenKey() == null && !catalog.definitions().isEmpty()) {
      log.info(
          "pydantic-dynamo.token-key is not set: continuation tokens are sealed with a random key"
              + " of this process, so they do not survive a restart and other instances refuse"
              + " them. Set pydantic-dynamo.token-key (the Base64 of 32 random bytes) to the same"
              + " value on every instance to share them.");
    }
  }

  <T> DynamoRepository<T> sync(Class<T> entityType) {
    DynamoRepository.Builder<T> builder =
        configure(DynamoRepository.builder(entityType), entityType).client(syncClient(entityType));
    DynamoRepository<T> repository = build(catalog.definition(entityType), builder::build);
    for (RepositoryDecorator decorator : decorators) {
      repository = decorator.decorate(repository);
    }
    return repository;
  }

  <T> AsyncDynamoRepository<T> async(Class<T> entityType) {
    AsyncDynamoRepository.Builder<T> builder =
        configure(AsyncDynamoRepository.builder(entityType), entityType)
            .client(asyncClient(entityType));
    AsyncDynamoRepository<T> repository = build(catalog.definition(entityType), builder::build);
    for (RepositoryDecorator decorator : decorators) {
      repository = decorator.decorate(repository);
    }
    return repository;
  }

  private DynamoDbClient syncClient(Class<?> entityType) {
    DynamoDbClient found = client.getIfAvailable();
    if (found == null) {
      throw new PydanticDynamoConfigurationException(
          "No DynamoDbClient bean for DynamoRepository<"
              + entityType.getSimpleName()
              + ">: Spring Cloud AWS creates one unless spring.cloud.aws.dynamodb.enabled=false"
              + " or its auto-configuration is excluded.",
          "Keep Spring Cloud AWS's DynamoDB auto-configuration enabled, or define a"
              + " DynamoDbClient bean.",
          null);
    }
    return found;
  }

  private DynamoDbAsyncClient asyncClient(Class<?> entityType) {
    DynamoDbAsyncClient found = asyncClient.getIfAvailable();
    if (found == null) {
      throw new PydanticDynamoConfigurationException(
          "No DynamoDbAsyncClient bean for AsyncDynamoRepository<"
              + entityType.getSimpleName()
              + ">: the starter creates one from Spring Cloud AWS's AwsClientBuilderConfigurer,"
              + " which is not in the context.",
          "Keep Spring Cloud AWS's auto-configuration (io.awspring.cloud:"
              + "spring-cloud-aws-starter-dynamodb) enabled, or define a DynamoDbAsyncClient bean.",
          null);
    }
    return found;
  }

  private <T, B extends RepositoryBuilder<T, B>> B configure(B builder, Class<T> entityType) {
    DynamoEntityDefinition definition = catalog.definition(entityType);
    builder
        .tableName(definition.tableName())
        .partitionKey(definition.layout().partitionKey())
        .sortKey(definition.layout().sortKey())
        .partitionPrefix(definition.partitionPrefix())
        .partitionName(definition.partitionName())
        .contentType(definition.contentType())
        .consistentReads(definition.consistentReads())
        .hideExpired(properties.hideExpired())
        .batchSettings(batchSettings())
        .storageFormat(storageFormat(entityType))
        .objectMapper(objectMapper.objectMapper());
    if (validator != null) {
      BeanValidation.apply(builder, validator);
    }
    String tokenKey = properties.tokenKey();
    if (tokenKey != null) {
      try {
        builder.tokenKey(tokenKey);
      } catch (InvalidCommandException e) {
        throw new PydanticDynamoConfigurationException(
            "pydantic-dynamo.token-key is not a token key: " + e.getMessage(),
            "Set pydantic-dynamo.token-key to the Base64 of 16, 24 or 32 random bytes (for example"
                + " the output of 'openssl rand -base64 32'), the same on every instance that"
                + " shares tokens, or remove it to use a random key per process.",
            e);
      }
    }
    return builder;
  }

  /** The entity's {@code storage-format}, else {@code pydantic-dynamo.storage-format}. */
  private StorageFormat storageFormat(Class<?> entityType) {
    PydanticDynamoProperties.Entity overrides = properties.entity(entityType);
    @Nullable StorageFormat format = overrides == null ? null : overrides.storageFormat();
    return format != null ? format : properties.storageFormat();
  }

  private BatchSettings batchSettings() {
    BatchSettings settings = batchSettings;
    if (settings == null) {
      try {
        settings = properties.batch().toBatchSettings();
      } catch (InvalidCommandException e) {
        throw new PydanticDynamoConfigurationException(
            "The pydantic-dynamo.batch settings are invalid: " + e.getMessage(),
            "Fix pydantic-dynamo.batch.concurrency (1 to 64), max-attempts (1 or more),"
                + " base-delay and max-delay (zero or positive durations).",
            e);
      }
      batchSettings = settings;
    }
    return settings;
  }

  private <R> R build(DynamoEntityDefinition definition, Supplier<R> build) {
    Class<?> entityType = definition.entityType();
    try {
      return build.get();
    } catch (InvalidModelException e) {
      throw new PydanticDynamoConfigurationException(
          "The repository for @DynamoEntity "
              + entityType.getName()
              + " cannot be built: "
              + e.getMessage(),
          modelAction(definition),
          e);
    } catch (InvalidCommandException e) {
      throw new PydanticDynamoConfigurationException(
          "The repository for @DynamoEntity "
              + entityType.getName()
              + " cannot be built: "
              + e.getMessage(),
          "Fix the pydantic-dynamo settings named in the message (pydantic-dynamo.*, or "
              + DynamoEntityCatalog.propertyPrefix(entityType)
              + ".*) or the @DynamoEntity attributes of "
              + entityType.getSimpleName()
              + ".",
          e);
    } catch (PydanticDynamoConfigurationException e) {
      throw e;
    } catch (PydanticDynamoException e) {
      throw new PydanticDynamoConfigurationException(
          "The repository for @DynamoEntity "
              + entityType.getName()
              + " cannot be built: "
              + e.getMessage(),
          "Check the model " + entityType.getSimpleName() + " and the pydantic-dynamo settings.",
          e);
    }
  }

  /** The fix for a rejected model: it depends on which of its properties clash, if any. */
  private String modelAction(DynamoEntityDefinition definition) {
    Class<?> type = definition.entityType();
    String model = type.getSimpleName();
    Set<String> names = propertyNames(type);
    TableLayout layout = definition.layout();
    List<String> keys =
        Stream.of(layout.partitionKey(), layout.sortKey()).filter(names::contains).toList();
    List<String> internal =
        TableLayout.internalAttributes().stream().filter(names::contains).sorted().toList();
    if (!keys.isEmpty()) {
      return "Rename the property "
          + String.join(" and ", keys)
          + " of "
          + model
          + " (or store it under another name with @JsonProperty(\"...\"), or leave it out with"
          + " @JsonIgnore), or, when the table's key attributes are named otherwise, set "
          + definition.keySettings()
          + " to the table's key names.";
    }
    if (!internal.isEmpty()) {
      return "Rename the property "
          + String.join(" and ", internal)
          + " of "
          + model
          + ", store it under another name with @JsonProperty(\"...\"), or leave it out with"
          + " @JsonIgnore: the repository keeps "
          + String.join(", ", new TreeSet<>(TableLayout.internalAttributes()))
          + " for itself.";
    }
    return "Change "
        + model
        + " as the message says: give the property a type the library stores (records, strings,"
        + " numbers, booleans, enums, java.time types, UUID, byte[], collections and maps of"
        + " these), teach Jackson to write and read it with a PydanticDynamoObjectMapperCustomizer"
        + " bean (a module, or a serializer and deserializer), or leave it out with @JsonIgnore.";
  }

  /** The model's property names as Jackson writes them, or none when Jackson cannot tell. */
  private Set<String> propertyNames(Class<?> type) {
    try {
      ObjectMapper mapper = objectMapper.objectMapper();
      return mapper
          .getSerializationConfig()
          .introspect(mapper.constructType(type))
          .findProperties()
          .stream()
          .map(BeanPropertyDefinition::getName)
          .collect(Collectors.toSet());
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /** Keeps the optional jakarta.validation types out of the factory's own signature. */
  private static final class BeanValidation {
    static <B extends RepositoryBuilder<?, B>> void apply(B builder, Object validator) {
      builder.validator((jakarta.validation.Validator) validator);
    }
  }
}
