package com.example.films;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.ContentIds;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.test.autoconfigure.AutoConfigureLocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// tag::test[]
@SpringBootTest
@AutoConfigureLocalDynamoDb // the local engine, the clients pointed at it, the tables created
class ActorServiceTests {
  @Autowired ActorService service;
  @Autowired DynamoRepository<FilmActor> actors;
  @Autowired AsyncDynamoRepository<ActorReview> reviews;

  @Test
  void storesListsAndUpdatesActors() {
    service.add(new FilmActor("tom-hanks", "Tom Hanks", null));
    actors.putBatch(
        List.of(
            PartitionedContent.of(
                List.of(), List.of("meg-ryan"), new FilmActor("meg-ryan", "Meg Ryan", null)),
            PartitionedContent.of(
                List.of(), List.of("rita-wilson"), new FilmActor("rita-wilson", "Rita", null))));

    assertThat(service.find("tom-hanks")).map(FilmActor::name).contains("Tom Hanks");
    assertThat(service.firstActors(2))
        .extracting(FilmActor::id)
        .containsExactly("meg-ryan", "rita-wilson");
    assertThat(service.review("tom-hanks", "Two Oscars", 1).review()).isEqualTo("Two Oscars");
  }

  @Test
  void writesAndCollectsReviewsAsynchronously() {
    List<PartitionedContent<ActorReview>> written =
        IntStream.rangeClosed(1, 3)
            .mapToObj(day -> Instant.parse("2024-05-0" + day + "T10:00:00Z"))
            .map(created -> new ActorReview("r-" + created, "tom-hanks", created, "Great"))
            .map(r -> PartitionedContent.of(List.of(r.actorId()), List.of(ContentIds.of(r.created())), r))
            .toList();
    reviews.putBatch(written).join();

    assertThat(reviews.collectList(List.of("tom-hanks"), List.of(), 10).join()).isEqualTo(written);
    assertThat(reviews.get(List.of("tom-hanks"), List.of("2024-05-02T10:00:00+00:00")).join().content())
        .map(content -> content.item().id())
        .contains("r-2024-05-02T10:00:00Z");
  }
}
// end::test[]
