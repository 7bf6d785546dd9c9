package io.github.pydanticdynamo.sample.films;

import io.github.pydanticdynamo.DynamoRepository;
import io.github.pydanticdynamo.PartitionedContent;
import io.github.pydanticdynamo.WriteOnceRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Imports actors and reviews in bulk with {@link WriteOnceRepository}: an item is written only when
 * nothing is stored under its key or the stored item differs, so importing the same file twice
 * writes nothing the second time.
 *
 * <pre>{@code
 * ImportResult result = importService.importAll(actors, reviews);
 * result.reviewsWritten(); // 0 when all of them were imported before
 * }</pre>
 */
@Service
public class FilmImportService {
  private final WriteOnceRepository<FilmActor> actorWriter;
  private final WriteOnceRepository<ActorReview> reviewWriter;
  private final ActorService actors;

  /**
   * Creates the service.
   *
   * @param actorRepository the actors' repository, injected by generic type
   * @param reviewRepository the reviews' repository, injected by generic type
   * @param actors the actors, to check that every reviewed actor exists
   */
  public FilmImportService(
      DynamoRepository<FilmActor> actorRepository,
      DynamoRepository<ActorReview> reviewRepository,
      ActorService actors) {
    this.actorWriter = new WriteOnceRepository<>(actorRepository);
    this.reviewWriter = new WriteOnceRepository<>(reviewRepository);
    this.actors = actors;
  }

  /**
   * Writes the actors, then the reviews, that are new or changed. Reviews keep their ids and times,
   * which form their keys. Every review's actor must be in the import or stored already.
   *
   * @param importedActors the actors
   * @param importedReviews the reviews
   * @return how many were received and written
   * @throws InvalidFilmDataException when a review's actor is unknown or its time out of range
   *     (nothing is written then)
   */
  public ImportResult importAll(List<FilmActor> importedActors, List<ActorReview> importedReviews) {
    Set<String> unknown = new LinkedHashSet<>();
    importedReviews.forEach(review -> unknown.add(review.actorId()));
    importedActors.forEach(actor -> unknown.remove(actor.id()));
    if (!unknown.isEmpty()) {
      unknown.removeAll(actors.find(unknown).keySet());
    }
    if (!unknown.isEmpty()) {
      throw new InvalidFilmDataException(
          "reviews name actors that are neither in the import nor stored: "
              + new TreeSet<>(unknown)
              + "; add them to \"actors\"");
    }
    List<PartitionedContent<ActorReview>> reviewContents =
        importedReviews.stream().map(ReviewService::content).toList();
    List<PartitionedContent<FilmActor>> actorContents =
        importedActors.stream()
            .map(
                actor ->
                    PartitionedContent.of(
                        ActorService.ACTORS_PARTITION, List.of(actor.id()), actor))
            .toList();
    int actorsWritten = actorWriter.write(actorContents).size();
    int reviewsWritten = reviewWriter.write(reviewContents).size();
    return new ImportResult(
        importedActors.size(), actorsWritten, importedReviews.size(), reviewsWritten);
  }
}
