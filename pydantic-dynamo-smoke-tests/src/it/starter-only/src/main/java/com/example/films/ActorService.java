package com.example.films;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.QueryOptions;
import io.github.pydanticdynamo.UpdateCommand;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

// tag::service[]
@Service
public class ActorService {
  private static final List<String> ALL_ACTORS = List.of();

  private final DynamoRepository<FilmActor> actors;

  public ActorService(DynamoRepository<FilmActor> actors) {
    this.actors = actors;
  }

  public void add(FilmActor actor) {
    actors.put(PartitionedContent.of(ALL_ACTORS, List.of(actor.id()), actor));
  }

  public Optional<FilmActor> find(String id) {
    return actors.getItem(ALL_ACTORS, List.of(id));
  }

  public List<FilmActor> firstActors(int count) {
    QueryOptions firstFew = QueryOptions.builder().limit(count).build();
    return actors.list(ALL_ACTORS, List.of(), firstFew)
        .flatMap(page -> page.items().stream())
        .toList();
  }

  /** Changes the review if the actor is still at the version the caller read. */
  public FilmActor review(String id, String review, long readVersion) {
    UpdateCommand change =
        UpdateCommand.builder().set("review", review).currentVersion(readVersion).build();
    return actors.update(ALL_ACTORS, List.of(id), change).item();
  }
}
// end::service[]
