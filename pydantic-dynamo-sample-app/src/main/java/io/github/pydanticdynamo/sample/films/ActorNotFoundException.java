package io.github.pydanticdynamo.sample.films;

/** No actor is stored under the id a request named (the API answers 404). */
public class ActorNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String actorId;

  /**
   * Creates the exception.
   *
   * @param actorId the id that was not found
   */
  public ActorNotFoundException(String actorId) {
    super("no actor has the id '" + actorId + "'");
    this.actorId = actorId;
  }

  /**
   * The id that was not found.
   *
   * @return the actor id
   */
  public String actorId() {
    return actorId;
  }
}
