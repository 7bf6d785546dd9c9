package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.Models.FilmActor;
import io.github.pydanticdynamo.test.DynamoDbTest;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.github.pydanticdynamo.test.UnprocessedWorkInterceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoDbTest
class WriteOnceRepositoryIntegrationTests {

  private static List<PartitionedContent<FilmActor>> input() {
    List<PartitionedContent<FilmActor>> contents = new ArrayList<>();
    for (String partition : List.of("a", "b")) {
      for (int i = 0; i < 4; i++) {
        contents.add(
            PartitionedContent.of(
                List.of(partition), List.of("c" + i), new FilmActor(partition + i, "n", null)));
      }
    }
    return contents;
  }

  @Test
  void writesOnceThenNothingOnTheSecondCall(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    WriteOnceRepository<FilmActor> once = new WriteOnceRepository<>(repo);
    assertThat(once.write(input())).containsExactlyElementsOf(input());
    assertThat(table.count()).isEqualTo(8);
    assertThat(once.write(input())).isEmpty();
  }

  @Test
  void writesASingleItemAndItemsWithEmptyIds(TestTable table) {
    WriteOnceRepository<FilmActor> once =
        new WriteOnceRepository<>(RepositoryFixture.sync(FilmActor.class, table).build());
    PartitionedContent<FilmActor> one =
        PartitionedContent.of(List.of(), List.of(), new FilmActor("x", "y", null));
    assertThat(once.write(List.of(one))).containsExactly(one);
    assertThat(once.write(List.of(one))).isEmpty();
  }

  @Test
  void anItemUpdatedSinceIsNotRewrittenWhenUnchangedAndNeverGoesBackInVersion(TestTable table) {
    DynamoRepository<FilmActor> repo = RepositoryFixture.sync(FilmActor.class, table).build();
    WriteOnceRepository<FilmActor> once = new WriteOnceRepository<>(repo);
    once.write(input());
    PartitionedContent<FilmActor> updated =
        repo.update(
            List.of("a"), List.of("c1"), UpdateCommand.builder().set("review", "new").build());
    assertThat(updated.currentVersion()).isEqualTo(2);

    PartitionedContent<FilmActor> same =
        PartitionedContent.of(List.of("a"), List.of("c1"), updated.item());
    assertThat(once.write(List.of(same))).isEmpty();

    PartitionedContent<FilmActor> changed = same.withItem(new FilmActor("a1", "changed", "new"));
    List<PartitionedContent<FilmActor>> written = once.write(List.of(changed));
    assertThat(written).singleElement().satisfies(c -> assertThat(c.currentVersion()).isEqualTo(3));
    assertThat(repo.get(List.of("a"), List.of("c1")).content().orElseThrow().currentVersion())
        .isEqualTo(3);
  }

  @Test
  void expiryCountsInWholeSecondsAndDuplicatesKeepTheLast(TestTable table) {
    WriteOnceRepository<FilmActor> once =
        new WriteOnceRepository<>(RepositoryFixture.sync(FilmActor.class, table).build());
    PartitionedContent<FilmActor> first =
        PartitionedContent.of(List.of(), List.of("e"), new FilmActor("e", "first", null))
            .withExpiry(Instant.parse("2030-01-01T00:00:00.250Z"));
    PartitionedContent<FilmActor> last = first.withItem(new FilmActor("e", "last", null));
    assertThat(once.write(List.of(first, last))).containsExactly(last);
    assertThat(once.write(List.of(last.withExpiry(Instant.parse("2030-01-01T00:00:00.999Z")))))
        .isEmpty();
    assertThat(once.write(List.of(last.withExpiry(Instant.parse("2030-01-01T00:00:01Z")))))
        .hasSize(1);
  }

  @Test
  void emptyInputMakesNoRequests(TestTable table) {
    UnprocessedWorkInterceptor counter = UnprocessedWorkInterceptor.fraction(table, 0);
    try (DynamoDbClient client =
        LocalDynamoDb.shared()
            .newClient(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())) {
      WriteOnceRepository<FilmActor> once =
          new WriteOnceRepository<>(RepositoryFixture.sync(FilmActor.class, table, client).build());
      assertThat(once.write(List.of())).isEmpty();
      assertThat(counter.batchRequests()).isZero();
    }
  }

  @Test
  void theAsyncVariantFollowsTheSameRules(TestTable table) {
    AsyncWriteOnceRepository<FilmActor> once =
        new AsyncWriteOnceRepository<>(RepositoryFixture.async(FilmActor.class, table).build());
    assertThat(once.write(input()).join()).hasSize(8);
    assertThat(once.write(input()).join()).isEmpty();
    assertThat(once.write(List.of()).join()).isEmpty();
  }
}
