package io.github.pydanticdynamo.test;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB endpoint tests and local runs use: {@code PYDANTIC_DYNAMO_ENDPOINT} when it is set,
 * otherwise one dynalite engine shared by the whole JVM, started on first use.
 *
 * <pre>{@code
 * LocalDynamoDb db = LocalDynamoDb.shared();
 * TestTable table = db.createTable("PK", "SK");
 * DynamoDbClient client = db.client();
 * }</pre>
 */
public final class LocalDynamoDb {
  /** The environment variable that points tests at another endpoint instead of dynalite. */
  public static final String ENDPOINT_VARIABLE = "PYDANTIC_DYNAMO_ENDPOINT";

  private static final AtomicLong TABLE_COUNTER = new AtomicLong();
  private static volatile @Nullable LocalDynamoDb shared;

  private final URI endpoint;
  private final @Nullable DynaliteServer server;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private volatile @Nullable DynamoDbClient client;
  private volatile @Nullable DynamoDbAsyncClient asyncClient;

  private LocalDynamoDb(URI endpoint, @Nullable DynaliteServer server, boolean external) {
    this.endpoint = endpoint;
    this.server = server;
    String regionName = System.getenv("AWS_REGION");
    this.region = Region.of(external && regionName != null ? regionName : "us-east-1");
    this.credentials =
        external && System.getenv("AWS_ACCESS_KEY_ID") != null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  /**
   * The JVM-wide endpoint, started on the first call.
   *
   * @return the shared local DynamoDB
   */
  public static LocalDynamoDb shared() {
    LocalDynamoDb current = shared;
    if (current == null) {
      synchronized (LocalDynamoDb.class) {
        current = shared;
        if (current == null) {
          current = startShared();
          shared = current;
        }
      }
    }
    return current;
  }

  /**
   * A handle on an engine this caller started and owns (for tests that stop or restart it).
   *
   * @param server the running engine
   * @return a handle that makes clients for it
   */
  public static LocalDynamoDb of(DynaliteServer server) {
    return new LocalDynamoDb(server.endpoint(), server, false);
  }

  private static LocalDynamoDb startShared() {
    String configured = System.getenv(ENDPOINT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new LocalDynamoDb(URI.create(configured.trim()), null, true);
    }
    DynaliteServer server = DynaliteServer.start();
    return new LocalDynamoDb(server.endpoint(), server, false);
  }

  /**
   * The endpoint URL.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The region the clients sign for.
   *
   * @return the region
   */
  public Region region() {
    return region;
  }

  /**
   * Credentials for the endpoint (fixed dummy ones for dynalite).
   *
   * @return the credentials provider
   */
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /**
   * The dynalite engine behind this endpoint, if this JVM started one.
   *
   * @return the engine, or {@code null} when {@code PYDANTIC_DYNAMO_ENDPOINT} is used
   */
  public @Nullable DynaliteServer server() {
    return server;
  }

  /**
   * A shared synchronous client for the endpoint.
   *
   * @return the client (do not close it)
   */
  public DynamoDbClient client() {
    DynamoDbClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current = newClient(ClientOverrideConfiguration.builder().build());
          client = current;
        }
      }
    }
    return current;
  }

  /**
   * A shared asynchronous client for the endpoint.
   *
   * @return the client (do not close it)
   */
  public DynamoDbAsyncClient asyncClient() {
    DynamoDbAsyncClient current = asyncClient;
    if (current == null) {
      synchronized (this) {
        current = asyncClient;
        if (current == null) {
          current = newAsyncClient(ClientOverrideConfiguration.builder().build());
          asyncClient = current;
        }
      }
    }
    return current;
  }

  /**
   * A new synchronous client with extra configuration (interceptors, retries); the caller closes
   * it.
   *
   * @param configuration the override configuration
   * @return a new client
   */
  public DynamoDbClient newClient(ClientOverrideConfiguration configuration) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(configuration)
        .build();
  }

  /**
   * A new asynchronous client with extra configuration (interceptors, retries); the caller closes
   * it.
   *
   * @param configuration the override configuration
   * @return a new client
   */
  public DynamoDbAsyncClient newAsyncClient(ClientOverrideConfiguration configuration) {
    return DynamoDbAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(configuration)
        .build();
  }

  /**
   * Creates a table with a uniquely generated name and string partition and sort keys.
   *
   * @param partitionKey the partition (hash) key attribute name
   * @param sortKey the sort (range) key attribute name
   * @return the new, active table
   */
  public TestTable createTable(String partitionKey, String sortKey) {
    String name =
        "test-"
            + TABLE_COUNTER.incrementAndGet()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return createTable(name, partitionKey, sortKey);
  }

  /** Polls every 10 ms: the SDK's waiter sleeps 20 s whenever its first look sees CREATING. */
  private static void awaitActive(DynamoDbClient dynamo, String name) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (dynamo.describeTable(b -> b.tableName(name)).table().tableStatus()
        != software.amazon.awssdk.services.dynamodb.model.TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new LocalEngineException("table " + name + " did not become ACTIVE within 60 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalEngineException("interrupted while waiting for table " + name, e);
      }
    }
  }

  /**
   * Creates a table with string partition and sort keys and waits until it is active. This is the
   * layout of {@code io.github.pydanticdynamo.TableLayout} in the core module, which this module
   * cannot depend on (the core's tests depend on this module); {@code TableLayoutIntegrationTests}
   * in the core keeps the two equal. For any other table, pass its request to {@link
   * #createTable(CreateTableRequest)}.
   *
   * @param name the table name
   * @param partitionKey the partition (hash) key attribute name
   * @param sortKey the sort (range) key attribute name
   * @return the new, active table
   */
  public TestTable createTable(String name, String partitionKey, String sortKey) {
    return createTable(
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(stringKey(partitionKey), stringKey(sortKey))
            .keySchema(
                KeySchemaElement.builder()
                    .attributeName(partitionKey)
                    .keyType(KeyType.HASH)
                    .build(),
                KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build())
            .build());
  }

  /**
   * Creates the table a request describes and waits until it is active; for tables laid out by the
   * library, the request comes from the core's {@code TableLayout}.
   *
   * <pre>{@code
   * TestTable table = db.createTable(TableLayout.of("PK", "SK").createTableRequest("actors"));
   * }</pre>
   *
   * @param request the table's definition, with a partition and a sort key
   * @return the new, active table
   * @throws LocalEngineException when the request has no partition or no sort key
   */
  public TestTable createTable(CreateTableRequest request) {
    String partitionKey = keyName(request, KeyType.HASH);
    String sortKey = keyName(request, KeyType.RANGE);
    DynamoDbClient dynamo = client();
    dynamo.createTable(request);
    awaitActive(dynamo, request.tableName());
    return new TestTable(request.tableName(), partitionKey, sortKey, dynamo);
  }

  private static String keyName(CreateTableRequest request, KeyType type) {
    return request.keySchema().stream()
        .filter(element -> element.keyType() == type)
        .map(KeySchemaElement::attributeName)
        .findFirst()
        .orElseThrow(
            () ->
                new LocalEngineException(
                    "table "
                        + request.tableName()
                        + " has no "
                        + type
                        + " key; a TestTable has a partition and a sort key"));
  }

  private static AttributeDefinition stringKey(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
