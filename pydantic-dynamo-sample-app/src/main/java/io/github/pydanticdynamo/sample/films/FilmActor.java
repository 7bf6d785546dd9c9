package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.DynamoEntity;
import io.github.pydanticdynamo.DynamoIndex;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A film actor, stored under the partition {@code <prefix>#actors} with the content id {@code
 * actor#<id>}, and in the global index {@value #BY_NAME} under {@code <prefix>#actors-by-name} and
 * {@code actor#<name>}, so actors can be found by a prefix of their name. The repository validates
 * these constraints before every write.
 *
 * <pre>{@code
 * new FilmActor("tom-hanks", "Tom Hanks", "Two Oscars, zero bad films")
 * }</pre>
 *
 * @param id the actor's slug: lower-case letters, digits and dashes
 * @param name the actor's name
 * @param review a short summary review of the actor, or {@code null}
 */
@DynamoEntity(contentType = "actor", partitionName = "actors")
@DynamoIndex(name = FilmActor.BY_NAME, contentIds = "name")
public record FilmActor(
    @NotBlank @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE) String id,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(max = 2000) String review) {

  /** The index of actors by name: one index partition, sorted by name. */
  public static final String BY_NAME = "actors-by-name";

  /** What an actor id looks like. */
  public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

  /** The message when an id does not look like that. */
  public static final String ID_MESSAGE =
      "must be 1 to 64 lower-case letters, digits or dashes, starting with a letter or digit";
}
