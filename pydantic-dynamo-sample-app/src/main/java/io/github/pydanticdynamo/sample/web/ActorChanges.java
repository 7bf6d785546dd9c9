package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.sample.films.ActorService.ActorChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/actors/{id}}: the values to change, and optionally the version the
 * client read (instead of an {@code If-Match} header).
 */
record ActorChanges(
    @Nullable @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String name,
    @Nullable @Size(max = 2000) String review,
    @Nullable @Positive Long version) {

  ActorChange toChange() {
    return new ActorChange(name == null ? null : name.strip(), review);
  }
}
