package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.TestTable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Items nested exactly 32 levels deep are stored (one more is refused before I/O, see the bad-input
 * catalogue), and attributes whose names hold a dot are updated and filtered through their escaped
 * paths ({@code a\.b}).
 */
@DynamoDbTest
class NestingAndDottedNamesIntegrationTests {

  record Doc(String id, @Nullable Map<String, Object> data) {}

  record Dotted(String id, @JsonProperty("a.b") long ab, Map<String, Long> meta) {}

  @Test
  void thirtyTwoLevelsAreStoredAndReadBack(TestTable table) {
    DynamoRepository<Doc> docs = RepositoryFixture.sync(Doc.class, table).build();
    Map<String, Object> deepest = BadInputCatalogueIntegrationTests.nested(32);
    docs.put(PartitionedContent.of(List.of("p"), List.of("d"), new Doc("d", deepest)));

    assertThat(docs.getItem(List.of("p"), List.of("d")).orElseThrow().data()).isEqualTo(deepest);

    docs.update(
        List.of("p"),
        List.of("d"),
        UpdateCommand.builder()
            .set("data.m", BadInputCatalogueIntegrationTests.nested(31))
            .build());
    assertThat(docs.getItem(List.of("p"), List.of("d")).orElseThrow().data())
        .isEqualTo(Map.of("m", BadInputCatalogueIntegrationTests.nested(31)));
  }

  @Test
  void namesWithADotAreUpdatedAndFilteredThroughTheirEscapedPath(TestTable table) {
    DynamoRepository<Dotted> dotted = RepositoryFixture.sync(Dotted.class, table).build();
    dotted.put(
        PartitionedContent.of(
            List.of("p"), List.of("d"), new Dotted("d", 1, Map.of("x.y", 1L, "z", 1L))));
    dotted.put(
        PartitionedContent.of(List.of("p"), List.of("e"), new Dotted("e", 10, Map.of("z", 2L))));

    PartitionedContent<Dotted> updated =
        dotted.update(
            List.of("p"),
            List.of("d"),
            UpdateCommand.builder().increment("a\\.b", 2).set("meta.x\\.y", 5L).build());

    assertThat(updated.item()).isEqualTo(new Dotted("d", 3, Map.of("x.y", 5L, "z", 1L)));
    assertThat(
            dotted
                .listContents(
                    List.of("p"),
                    List.of(),
                    QueryOptions.builder()
                        .filter(FilterCommand.builder().equalTo("a\\.b", 3).build())
                        .build())
                .map(c -> c.item().id()))
        .containsExactly("d");
    assertThat(
            dotted
                .listContents(
                    List.of("p"),
                    List.of(),
                    QueryOptions.builder()
                        .filter(FilterCommand.builder().exists("meta.x\\.y").build())
                        .build())
                .map(c -> c.item().id()))
        .containsExactly("d");
    assertThat(
            dotted
                .listContents(
                    List.of("p"),
                    List.of(),
                    QueryOptions.builder()
                        .filter(FilterCommand.builder().greaterThan("a\\.b", 5).build())
                        .build())
                .map(c -> c.item().id()))
        .containsExactly("e");
  }
}
