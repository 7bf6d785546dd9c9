package io.github.pydanticdynamo.sample.films;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.test.autoconfigure.DataDynamoTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RestController;

/**
 * The repository slice of the sample: {@code @DataDynamoTest} loads the repositories on the local
 * engine with the table created, plus the two services this test includes, and nothing else.
 */
@DataDynamoTest(
    includeFilters =
        @Filter(
            type = FilterType.ASSIGNABLE_TYPE,
            classes = {ActorService.class, ReviewService.class}))
class FilmRepositoriesDataDynamoTests {
  @Autowired ApplicationContext context;
  @Autowired ActorService actors;
  @Autowired ReviewService reviews;
  @Autowired DynamoRepository<FilmActor> actorRepository;
  @Autowired AsyncDynamoRepository<ActorReview> asyncReviews;

  private static String uniqueActorId() {
    return "actor-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void loadsTheRepositoriesAndTheIncludedServicesOnly() {
    for (Class<?> repository : List.of(DynamoRepository.class, AsyncDynamoRepository.class)) {
      for (Class<?> entity : List.of(FilmActor.class, ActorReview.class)) {
        assertThat(
                context.getBeanNamesForType(
                    ResolvableType.forClassWithGenerics(repository, entity)))
            .hasSize(1);
      }
    }
    assertThat(context.getBeanNamesForAnnotation(RestController.class)).isEmpty();
    assertThat(context.getBeanNamesForType(FilmImportService.class)).isEmpty();
    assertThat(context.containsBean("dispatcherServlet")).isFalse();
  }

  @Test
  void theServicesStoreAndReadOnTheEngine() {
    String actorId = uniqueActorId();
    actors.create(new FilmActor(actorId, "Meg Ryan", null));
    ActorReview review = reviews.add(actorId, "Great in Sleepless in Seattle");

    List<PartitionedContent<ActorReview>> stored =
        asyncReviews.collectList(List.of(actorId), List.of(), 10).join();
    assertThat(stored).extracting(PartitionedContent::item).containsExactly(review);
    assertThat(reviews.deleteAll(actorId)).isEqualTo(1);
  }

  @Test
  void itemsAreValidatedAsInTheApplication() {
    FilmActor invalid = new FilmActor("Not An Id", " ", null);
    assertThatThrownBy(
            () ->
                actorRepository.put(
                    PartitionedContent.of(List.of(), List.of(uniqueActorId()), invalid)))
        .isInstanceOf(InvalidItemException.class);
  }
}
