package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.sample.films.ActorService;
import io.github.pydanticdynamo.sample.films.FilmActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/actors}: create, list (all, or by a name prefix through the index), read, update and
 * delete actors. Reads and writes answer with the actor's version as its {@code ETag}; an update
 * sent with {@code If-Match} (or a {@code version} in its body) applies only to that version, and
 * answers 409 otherwise.
 */
@RestController
@RequestMapping("/api/actors")
class ActorController {
  private final ActorService actors;

  ActorController(ActorService actors) {
    this.actors = actors;
  }

  /** Every actor in id order, or with {@code ?name=} those whose name starts with it. */
  @GetMapping
  List<ActorView> list(@RequestParam(required = false) @Nullable String name) {
    return (name == null ? actors.list() : actors.findByName(name))
        .stream().map(ActorView::of).toList();
  }

  @PostMapping
  ResponseEntity<ActorView> create(@Valid @RequestBody NewActor actor) {
    PartitionedContent<FilmActor> created = actors.create(actor.toActor());
    return ResponseEntity.created(URI.create("/api/actors/" + actor.id()))
        .eTag(ActorETags.of(created.currentVersion()))
        .body(ActorView.of(created));
  }

  @GetMapping("/{id}")
  ResponseEntity<ActorView> get(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String id) {
    return withETag(actors.get(id));
  }

  @PatchMapping("/{id}")
  ResponseEntity<ActorView> update(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ActorChanges changes) {
    Long headerVersion = ActorETags.versionOf(ifMatch);
    if (headerVersion != null
        && changes.version() != null
        && !Objects.equals(headerVersion, changes.version())) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "If-Match names version "
              + headerVersion
              + " but the body names version "
              + changes.version()
              + "; send one of them");
    }
    Long expected = headerVersion != null ? headerVersion : changes.version();
    return withETag(actors.update(id, changes.toChange(), expected));
  }

  /** Deletes exactly this actor; with {@code If-Match}, only at that version (409 otherwise). */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable @Pattern(regexp = FilmActor.ID_PATTERN, message = FilmActor.ID_MESSAGE)
          String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    actors.delete(id, ActorETags.versionOf(ifMatch));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ActorView> withETag(PartitionedContent<FilmActor> content) {
    return ResponseEntity.ok()
        .eTag(ActorETags.of(content.currentVersion()))
        .body(ActorView.of(content));
  }
}
