package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.sample.films.FilmActor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/actors}, and an actor in an import. */
record NewActor(
    @NotBlank @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE) String id,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(max = 2000) String review) {

  FilmActor toActor() {
    return new FilmActor(id, name.strip(), review);
  }
}
