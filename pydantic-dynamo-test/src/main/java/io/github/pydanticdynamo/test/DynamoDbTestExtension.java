package io.github.pydanticdynamo.test;

import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit 5 extension behind {@link DynamoDbTest}: resolves {@link TestTable}, {@link
 * LocalDynamoDb} and the SDK clients as parameters.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbTestExtension.class)
 * class RawIntegrationTests {
 *   @Test
 *   void lists(DynamoDbClient client) {
 *     client.listTables();
 *   }
 * }
 * }</pre>
 */
public final class DynamoDbTestExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbTestExtension.class);

  /** Creates the extension (JUnit does this). */
  public DynamoDbTestExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == TestTable.class
        || type == LocalDynamoDb.class
        || type == DynamoDbClient.class
        || type == DynamoDbAsyncClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Parameter parameter = parameterContext.getParameter();
    Class<?> type = parameter.getType();
    LocalDynamoDb db = LocalDynamoDb.shared();
    if (type == LocalDynamoDb.class) {
      return db;
    }
    if (type == DynamoDbClient.class) {
      return db.client();
    }
    if (type == DynamoDbAsyncClient.class) {
      return db.asyncClient();
    }
    if (type == TestTable.class) {
      return table(db, context);
    }
    throw new ParameterResolutionException("unsupported parameter " + parameter);
  }

  private static TestTable table(LocalDynamoDb db, ExtensionContext context) {
    DynamoDbTest settings =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DynamoDbTest.class)
            .orElse(null);
    String partitionKey = settings == null ? "_table_item_id" : settings.partitionKey();
    String sortKey = settings == null ? "_table_content_id" : settings.sortKey();
    boolean perClass = settings != null && settings.tablePerClass();
    ExtensionContext owner = perClass ? classContext(context) : context;
    return owner
        .getStore(NAMESPACE)
        .computeIfAbsent(
            "table", key -> new OwnedTable(db.createTable(partitionKey, sortKey)), OwnedTable.class)
        .table();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** A table that is deleted when its test (or class) ends. */
  private record OwnedTable(TestTable table) implements AutoCloseable {
    @Override
    public void close() {
      table.delete();
    }
  }
}
