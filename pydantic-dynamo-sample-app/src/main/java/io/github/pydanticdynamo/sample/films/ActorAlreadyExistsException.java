package io.github.pydanticdynamo.sample.films;

/** A new actor's id is taken (the API answers 409). */
public class ActorAlreadyExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String actorId;

  /**
   * Creates the exception.
   *
   * @param actorId the id that is taken
   */
  public ActorAlreadyExistsException(String actorId) {
    super("an actor with the id '" + actorId + "' exists already; update it instead");
    this.actorId = actorId;
  }

  /**
   * The id that is taken.
   *
   * @return the actor id
   */
  public String actorId() {
    return actorId;
  }
}
