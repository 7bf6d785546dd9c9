package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.UpdateCommand;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stores film actors through the {@code DynamoRepository<FilmActor>} the starter registers. Every
 * actor lives in one partition (no partition ids) under the content id {@code [id]}, so listing
 * that partition lists them all.
 *
 * <pre>{@code
 * PartitionedContent<FilmActor> tom = actorService.create(new FilmActor("tom-hanks", "Tom Hanks", null));
 * actorService.update("tom-hanks", new ActorChange(null, "Versatile"), tom.currentVersion());
 * }</pre>
 */
@Service
public class ActorService {
  /** Actors share one partition: no partition ids. */
  static final List<String> ACTORS_PARTITION = List.of();

  private final DynamoRepository<FilmActor> actors;

  /**
   * Creates the service.
   *
   * @param actors the repository, injected by generic type
   */
  public ActorService(DynamoRepository<FilmActor> actors) {
    this.actors = actors;
  }

  /**
   * Stores a new actor at version 1; of concurrent creates of one id, exactly one succeeds.
   *
   * @param actor the actor
   * @return the stored content, with its version
   * @throws ActorAlreadyExistsException when the id is taken
   */
  public PartitionedContent<FilmActor> create(FilmActor actor) {
    PartitionedContent<FilmActor> content =
        PartitionedContent.of(ACTORS_PARTITION, List.of(actor.id()), actor);
    if (!actors.putIfAbsent(content)) {
      throw new ActorAlreadyExistsException(actor.id());
    }
    return content;
  }

  /**
   * Reads one actor.
   *
   * @param id the actor's id
   * @return the stored content, with its version
   * @throws ActorNotFoundException when there is no such actor
   */
  public PartitionedContent<FilmActor> get(String id) {
    return actors
        .get(ACTORS_PARTITION, List.of(id))
        .content()
        .orElseThrow(() -> new ActorNotFoundException(id));
  }

  /**
   * Fails unless the actor exists.
   *
   * @param id the actor's id
   * @throws ActorNotFoundException when there is no such actor
   */
  public void requireExists(String id) {
    get(id);
  }

  /**
   * Lists every actor, in id order (one query over the actors' partition, across its pages).
   *
   * @return the actors
   */
  public List<PartitionedContent<FilmActor>> list() {
    return actors.listContents(ACTORS_PARTITION, List.of()).toList();
  }

  /**
   * Finds the actors whose name starts with {@code prefix}, in name order: one query of the {@value
   * FilmActor#BY_NAME} index (the actors' partition is keyed by id, not name).
   *
   * @param prefix the start of the name, case-sensitive; empty for every actor
   * @return the actors, by name
   */
  public List<PartitionedContent<FilmActor>> findByName(String prefix) {
    return actors.index(FilmActor.BY_NAME).listContents(List.of(), List.of(prefix)).toList();
  }

  /**
   * Deletes exactly one actor (not its reviews, nor actors whose id starts with this one),
   * optionally only when it is still at the version the caller read.
   *
   * @param id the actor's id
   * @param expectedVersion the version the caller read, or {@code null} to delete whatever is
   *     stored
   * @return what the actor held
   * @throws ActorNotFoundException when there is no such actor
   * @throws io.github.pydanticdynamo.VersionConflictException when the stored version differs
   */
  public PartitionedContent<FilmActor> delete(String id, @Nullable Long expectedVersion) {
    if (expectedVersion == null) {
      return actors
          .deleteItem(ACTORS_PARTITION, List.of(id))
          .orElseThrow(() -> new ActorNotFoundException(id));
    }
    try {
      return actors.deleteItem(ACTORS_PARTITION, List.of(id), expectedVersion);
    } catch (ItemNotFoundException e) {
      throw new ActorNotFoundException(id);
    }
  }

  /**
   * Reads the actors stored under some ids, in batches of up to 100 keys.
   *
   * @param ids the ids
   * @return the actors found, by id
   */
  public Map<String, FilmActor> find(Collection<String> ids) {
    List<ContentKey> keys =
        ids.stream().map(id -> ContentKey.of(ACTORS_PARTITION, List.of(id))).toList();
    return actors
        .getBatch(keys)
        .flatMap(page -> page.items().stream())
        .collect(Collectors.toMap(FilmActor::id, Function.identity()));
  }

  /**
   * Changes an actor's name and review, optionally only when it is still at the version the caller
   * read (optimistic locking). Adds one to the version.
   *
   * @param id the actor's id
   * @param change the new values ({@code null} leaves a value as it is)
   * @param expectedVersion the version the caller read, or {@code null} to update whatever is
   *     stored
   * @return the actor after the update, with its new version
   * @throws io.github.pydanticdynamo.ItemNotFoundException when there is no such actor
   * @throws io.github.pydanticdynamo.VersionConflictException when the stored version differs
   * @throws io.github.pydanticdynamo.InvalidCommandException when the change changes nothing
   */
  public PartitionedContent<FilmActor> update(
      String id, ActorChange change, @Nullable Long expectedVersion) {
    UpdateCommand.Builder command = UpdateCommand.builder();
    if (expectedVersion != null) {
      command.currentVersion(expectedVersion);
    }
    if (change.name() != null) {
      command.set("name", change.name());
    }
    if (change.review() != null) {
      command.set("review", change.review());
    }
    return actors.update(ACTORS_PARTITION, List.of(id), command.build());
  }

  /**
   * New values for an actor's attributes.
   *
   * @param name the new name, or {@code null} to keep it
   * @param review the new review, or {@code null} to keep it
   */
  public record ActorChange(@Nullable String name, @Nullable String review) {}
}
