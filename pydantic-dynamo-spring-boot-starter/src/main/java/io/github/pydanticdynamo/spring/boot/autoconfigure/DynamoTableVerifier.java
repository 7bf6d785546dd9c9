package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Describes each table of the entities once at start-up, then creates or checks it. */
final class DynamoTableVerifier {
  private static final Logger log = LoggerFactory.getLogger(DynamoTableVerifier.class);
  private static final String VERIFY = PydanticDynamoProperties.PREFIX + ".verify-tables";
  private static final String CREATE = PydanticDynamoProperties.PREFIX + ".create-tables";

  private final @Nullable DynamoDbAsyncClient asyncClient;
  private final @Nullable DynamoDbClient client;
  private final DynamoEntityCatalog catalog;
  private final boolean verify;
  private final @Nullable DynamoTableCreator creator;

  /** Describes with the async client (all tables at once), else the sync one (one by one). */
  DynamoTableVerifier(
      @Nullable DynamoDbAsyncClient asyncClient,
      @Nullable DynamoDbClient client,
      DynamoEntityCatalog catalog,
      boolean verify,
      @Nullable DynamoTableCreator creator) {
    this.asyncClient = asyncClient;
    this.client = client;
    this.catalog = catalog;
    this.verify = verify;
    this.creator = creator;
  }

  private CompletableFuture<DescribeTableResponse> describe(String table) {
    if (asyncClient != null) {
      return asyncClient.describeTable(request -> request.tableName(table));
    }
    try {
      return CompletableFuture.completedFuture(
          Objects.requireNonNull(client).describeTable(request -> request.tableName(table)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Sends every DescribeTable at once, then creates missing tables or fails with every problem. */
  void run() {
    List<EntityTable> tables = catalog.tables();
    if (tables.isEmpty() || (!verify && creator == null)) {
      return;
    }
    if (asyncClient == null && client == null) {
      throw new PydanticDynamoConfigurationException(
          "No DynamoDB client to check the tables of the @DynamoEntity types with: there is"
              + " neither a DynamoDbAsyncClient nor a DynamoDbClient bean.",
          "Keep Spring Cloud AWS's DynamoDB auto-configuration enabled, or define the clients as"
              + " beans.",
          null);
    }
    Map<EntityTable, CompletableFuture<DescribeTableResponse>> described = new LinkedHashMap<>();
    for (EntityTable table : tables) {
      described.put(table, describe(table.name()));
    }
    List<String> denied = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<EntityTable, CompletableFuture<DescribeTableResponse>> entry :
        described.entrySet()) {
      EntityTable table = entry.getKey();
      TableDescription description;
      try {
        description = entry.getValue().join().table();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ResourceNotFoundException) {
          if (creator != null) {
            creator.create(table.name(), table.layout());
          } else if (verify) {
            problems.add(missing(table));
          }
        } else if (isAccessDenied(cause)) {
          denied.add(table.name());
        } else {
          throw unusable(tables, cause);
        }
        continue;
      }
      if (verify) {
        Problem problem = check(table, description);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    if (!denied.isEmpty()) {
      log.warn(
          "Could not check the DynamoDB table{} {} at start-up: DescribeTable was denied"
              + " (AccessDeniedException). Grant the application dynamodb:DescribeTable on {} to"
              + " have {} checked, or set {}=false; starting without the check.",
          denied.size() == 1 ? "" : "s",
          quoted(denied),
          denied.size() == 1 ? "it" : "them",
          denied.size() == 1 ? "it" : "them",
          creator != null && !verify ? CREATE : VERIFY);
    }
    if (!problems.isEmpty()) {
      throw new PydanticDynamoConfigurationException(
          problems.stream().map(Problem::description).collect(Collectors.joining("\n")),
          problems.stream().map(Problem::action).distinct().collect(Collectors.joining("\n")),
          null);
    }
  }

  private @Nullable Problem check(EntityTable table, TableDescription description) {
    TableStatus status = description.tableStatus();
    if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
      return new Problem(
          "DynamoDB table '"
              + table.name()
              + "' of @DynamoEntity "
              + table.entityNames()
              + " is "
              + description.tableStatusAsString()
              + ", so the repositories cannot use it.",
          status == TableStatus.CREATING
              ? "Start the application once table '" + table.name() + "' is ACTIVE."
              : "Point "
                  + table.entityNames()
                  + " at a usable table ("
                  + tableSettings(table)
                  + "), or restore table '"
                  + table.name()
                  + "'.");
    }
    if (table.layout().matches(description)) {
      return null;
    }
    List<String> indexProblems = table.layout().indexProblems(description);
    if (!indexProblems.isEmpty()
        && TableLayout.of(table.layout().partitionKey(), table.layout().sortKey())
            .matches(description)) {
      return new Problem(
          "DynamoDB table '"
              + table.name()
              + "' lacks secondary indexes that @DynamoEntity "
              + table.entityNames()
              + " declare (@DynamoIndex): "
              + String.join("; ", indexProblems)
              + ".",
          "Add the indexes to table '"
              + table.name()
              + "' (UpdateTable adds a global index; a local index exists only if the table was"
              + " created with it), or remove their @DynamoIndex declarations. For development, "
              + CREATE
              + "=true creates missing tables with their indexes.");
    }
    String actual = TableLayout.describeKeys(description);
    String base =
        "DynamoDB table '"
            + table.name()
            + "' has "
            + actual
            + ", but @DynamoEntity "
            + table.entityNames()
            + " expect"
            + (table.entities().size() == 1 ? "s " : " ")
            + table.layout()
            + " ("
            + table.keySettings()
            + ").";
    TableLayout fitting = fittingLayout(description);
    String action =
        fitting == null
            ? "Point "
                + table.entityNames()
                + " at a table whose partition and sort keys are both strings (S) ("
                + tableSettings(table)
                + "); the keys of table '"
                + table.name()
                + "' cannot hold the composed keys. For development, "
                + CREATE
                + "=true creates missing tables with the configured keys."
            : "Set "
                + table.keySettings()
                + " to "
                + fitting.partitionKey()
                + " and "
                + fitting.sortKey()
                + " to match the table"
                + (table.entities().size() == 1
                    ? ""
                    : " (or, for one entity alone, its pydantic-dynamo.entities.<name>.partition-key"
                        + " and sort-key)")
                + ", or point "
                + table.entityNames()
                + " at a table with the expected keys ("
                + tableSettings(table)
                + "). For development, "
                + CREATE
                + "=true creates missing tables with the configured keys.";
    return new Problem(base, action);
  }

  private Problem missing(EntityTable table) {
    return new Problem(
        "DynamoDB table '"
            + table.name()
            + "' of @DynamoEntity "
            + table.entityNames()
            + " does not exist at "
            + where()
            + ".",
        "Create table '"
            + table.name()
            + "' with "
            + table.layout()
            + ", or point "
            + table.entityNames()
            + " at an existing table ("
            + tableSettings(table)
            + "). For development, "
            + CREATE
            + "=true creates it at start-up.");
  }

  /** The settings that chose the table, distinct, for messages. */
  private static String tableSettings(EntityTable table) {
    return table.entities().stream()
        .map(DynamoEntityDefinition::tableSetting)
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static @Nullable TableLayout fittingLayout(TableDescription description) {
    String hash = null;
    String range = null;
    for (var element : description.keySchema()) {
      switch (element.keyType()) {
        case HASH -> hash = element.attributeName();
        case RANGE -> range = element.attributeName();
        default -> {}
      }
    }
    if (hash == null || range == null) {
      return null;
    }
    try {
      TableLayout layout = TableLayout.of(hash, range);
      return layout.matches(description) ? layout : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isAccessDenied(Throwable error) {
    return error instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && "AccessDeniedException".equals(service.awsErrorDetails().errorCode());
  }

  /** One paragraph on why DynamoDB could not be asked, naming what to check. */
  private PydanticDynamoConfigurationException unusable(List<EntityTable> tables, Throwable cause) {
    String names = quoted(tables.stream().map(EntityTable::name).toList());
    String check = creator != null && !verify ? CREATE : VERIFY;
    String description;
    String action;
    if (cause instanceof SdkClientException && messageStarts(cause, "Unable to load credentials")) {
      description =
          "No AWS credentials were found to check the DynamoDB tables "
              + names
              + " of the @DynamoEntity types at "
              + where()
              + ".";
      action =
          "Set spring.cloud.aws.credentials.access-key and spring.cloud.aws.credentials.secret-key"
              + " (or spring.cloud.aws.credentials.profile.name), or give the application"
              + " credentials the AWS default chain finds (AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, or an instance or task role). To start"
              + " without the check, set "
              + check
              + "=false.";
    } else if (cause instanceof AwsServiceException service && isCredentialsRejection(service)) {
      description =
          "DynamoDB at "
              + where()
              + " rejected the credentials ("
              + service.awsErrorDetails().errorCode()
              + ") when the tables "
              + names
              + " of the @DynamoEntity types were checked.";
      action =
          "Check spring.cloud.aws.credentials.access-key and spring.cloud.aws.credentials.secret-key"
              + " (or the credentials the AWS default chain finds), and that"
              + " spring.cloud.aws.dynamodb.region (or spring.cloud.aws.region.static) is the"
              + " tables' region. To start without the check, set "
              + check
              + "=false.";
    } else if (cause instanceof AwsServiceException service) {
      description =
          "DescribeTable of the tables "
              + names
              + " of the @DynamoEntity types failed at "
              + where()
              + ": "
              + service.awsErrorDetails().errorCode()
              + ": "
              + service.awsErrorDetails().errorMessage();
      action =
          "Check the DynamoDB settings (spring.cloud.aws.dynamodb.endpoint, spring.cloud.aws"
              + ".dynamodb.region) and the application's permissions, or set "
              + check
              + "=false to start without the check.";
    } else {
      description =
          "Could not reach DynamoDB at "
              + where()
              + " to check the tables "
              + names
              + " of the @DynamoEntity types: "
              + reason(cause)
              + ".";
      action =
          "Check spring.cloud.aws.dynamodb.endpoint (or spring.cloud.aws.endpoint): the endpoint"
              + " must be reachable from this host, or unset for AWS's own endpoint of the region;"
              + " check spring.cloud.aws.dynamodb.region (or spring.cloud.aws.region.static) and"
              + " the credentials (spring.cloud.aws.credentials.*). To start without the check,"
              + " set "
              + check
              + "=false.";
    }
    return new PydanticDynamoConfigurationException(description, action, cause);
  }

  /** The endpoint and region the client uses, for messages. */
  private String where() {
    DynamoDbServiceClientConfiguration configuration =
        asyncClient != null
            ? asyncClient.serviceClientConfiguration()
            : Objects.requireNonNull(client).serviceClientConfiguration();
    String region =
        configuration.region() == null ? "no region" : "region " + configuration.region().id();
    return configuration
        .endpointOverride()
        .map(endpoint -> endpoint + " (" + region + ")")
        .orElse("AWS's endpoint for " + region);
  }

  private static String reason(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (current instanceof ConnectException) {
        return "the connection was refused";
      }
      if (current instanceof UnknownHostException) {
        return "the host name is unknown";
      }
      if (current.getClass().getSimpleName().contains("Timeout")) {
        return "it did not answer in time";
      }
    }
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.replaceAll(" \\(SDK Attempt Count: \\d+\\)", "");
  }

  private static boolean isCredentialsRejection(AwsServiceException error) {
    String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    return "UnrecognizedClientException".equals(code)
        || "InvalidSignatureException".equals(code)
        || "ExpiredTokenException".equals(code)
        || "MissingAuthenticationTokenException".equals(code);
  }

  private static boolean messageStarts(Throwable error, String start) {
    return error.getMessage() != null && error.getMessage().startsWith(start);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
  }

  private record Problem(String description, String action) {}
}
