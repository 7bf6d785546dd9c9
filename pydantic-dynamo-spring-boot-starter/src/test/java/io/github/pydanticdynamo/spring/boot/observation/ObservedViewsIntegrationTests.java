package io.github.pydanticdynamo.spring.boot.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.TableLayout;
import io.github.pydanticdynamo.spring.boot.fixtures.indexed.Review;
import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Index queries and projection reads through the observed repositories are observed too. */
class ObservedViewsIntegrationTests {
  record ReviewStars(String id, int stars) {}

  @Test
  void indexQueriesAndProjectionReadsAreObserved() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    TestTable table =
        db.createTable(
            TableLayout.defaults()
                .withIndexes(SecondaryIndex.declaredOn(Review.class))
                .createTableRequest("observed-" + UUID.randomUUID()));
    TestObservationRegistry registry = TestObservationRegistry.create();
    try {
      DynamoRepository<Review> reviews =
          new ObservedDynamoRepository<>(
              DynamoRepository.builder(Review.class)
                  .client(db.client())
                  .tableName(table.name())
                  .partitionPrefix("films")
                  .build(),
              registry);
      AsyncDynamoRepository<Review> async =
          new ObservedAsyncDynamoRepository<>(
              AsyncDynamoRepository.builder(Review.class)
                  .client(db.asyncClient())
                  .tableName(table.name())
                  .partitionPrefix("films")
                  .build(),
              registry);
      reviews.put(
          PartitionedContent.of(List.of("tom"), List.of("r1"), new Review("r1", "alice", 4)));
      registry.clear();

      assertThat(reviews.index("by-reviewer").listContents(List.of("alice"), List.of())).hasSize(1);
      assertThat(reviews.projection(ReviewStars.class).getItem(List.of("tom"), List.of("r1")))
          .contains(new ReviewStars("r1", 4));
      assertThat(
              async
                  .projection(ReviewStars.class)
                  .index("by-reviewer")
                  .collectList(List.of("alice"), List.of(), QueryOptions.builder().limit(5).build())
                  .join())
          .hasSize(1);

      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsWithNameEqualTo(ObservedDynamoRepository.OBSERVATION_NAME, 3)
          .hasHandledContextsThatSatisfy(
              contexts ->
                  assertThat(contexts)
                      .extracting(ObservedViewsIntegrationTests::operation)
                      .containsExactly("indexList", "get", "indexList"));
    } finally {
      table.delete();
    }
  }

  private static String operation(Observation.Context context) {
    return context.getLowCardinalityKeyValue("operation").getValue();
  }
}
