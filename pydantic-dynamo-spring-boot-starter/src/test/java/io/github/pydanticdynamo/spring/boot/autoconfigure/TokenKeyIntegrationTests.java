package io.github.pydanticdynamo.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.spring.boot.fixtures.films.FilmActor;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

/**
 * Instances behind a load balancer: applications configured with the same {@code
 * pydantic-dynamo.token-key} resume each other's continuation tokens; with another key, or none,
 * they refuse them before any request.
 */
class TokenKeyIntegrationTests {
  private static final String KEY = "c2VhbGVkLXRva2Vucy10ZXN0LWtleS0zMi1ieXRlcyE=";
  private static final String OTHER_KEY = "b3RoZXIta2V5LTE2LWJ5dA==";

  private TestTable table;

  @BeforeEach
  void createTable() {
    table = LocalDynamoDb.shared().createTable("PK", "SK");
  }

  @AfterEach
  void deleteTable() {
    table.delete();
  }

  private ApplicationContextRunner instance(String... properties) {
    return ContextRunners.runner()
        .withUserConfiguration(ContextRunners.FilmsPackage.class)
        .withPropertyValues(
            "spring.cloud.aws.dynamodb.endpoint=" + LocalDynamoDb.shared().endpoint(),
            "pydantic-dynamo.table-name=" + table.name(),
            "pydantic-dynamo.partition-key=PK",
            "pydantic-dynamo.sort-key=SK",
            "pydantic-dynamo.partition-prefix=films")
        .withPropertyValues(properties);
  }

  @SuppressWarnings("unchecked")
  private static DynamoRepository<FilmActor> actors(
      org.springframework.context.ApplicationContext context) {
    return (DynamoRepository<FilmActor>)
        context
            .getBeanProvider(
                ResolvableType.forClassWithGenerics(DynamoRepository.class, FilmActor.class))
            .getObject();
  }

  @Test
  void instancesWithTheSameKeyResumeEachOthersTokensAndOthersRefuseThem() {
    AtomicReference<String> token = new AtomicReference<>();
    instance("pydantic-dynamo.token-key=" + KEY)
        .run(
            context -> {
              DynamoRepository<FilmActor> actors = actors(context);
              actors.putBatch(
                  IntStream.range(0, 10)
                      .mapToObj(
                          i ->
                              PartitionedContent.of(
                                  List.of("cast"),
                                  List.of("a" + i),
                                  new FilmActor("a" + i, "Actor " + i, null)))
                      .toList());
              token.set(
                  actors
                      .list(List.of("cast"), List.of(), QueryOptions.builder().pageSize(4).build())
                      .findFirst()
                      .orElseThrow()
                      .nextToken()
                      .orElseThrow());
            });
    QueryOptions resume = QueryOptions.builder().startToken(token.get()).build();

    instance("pydantic-dynamo.token-key=" + KEY)
        .run(
            context ->
                assertThat(
                        actors(context)
                            .listContents(List.of("cast"), List.of(), resume)
                            .map(c -> c.item().id())
                            .toList())
                    .containsExactly("a4", "a5", "a6", "a7", "a8", "a9"));
    for (String[] other :
        List.of(new String[] {"pydantic-dynamo.token-key=" + OTHER_KEY}, new String[0])) {
      instance(other)
          .run(
              context ->
                  assertThatThrownBy(() -> actors(context).list(List.of("cast"), List.of(), resume))
                      .isInstanceOf(InvalidCommandException.class)
                      .hasMessageContaining("another token key"));
    }
  }
}
