package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.sample.films.FilmActor;
import org.jspecify.annotations.Nullable;

/** An actor as the API shows it: the stored record and its version. */
record ActorView(String id, String name, @Nullable String review, long version) {
  static ActorView of(PartitionedContent<FilmActor> content) {
    FilmActor actor = content.item();
    return new ActorView(actor.id(), actor.name(), actor.review(), content.currentVersion());
  }
}
