package io.github.pydanticdynamo.sample.films;

/**
 * What an import did: how many actors and reviews it received, and how many of them it wrote (new,
 * or different from what was stored).
 *
 * @param actorsReceived actors in the import
 * @param actorsWritten actors written
 * @param reviewsReceived reviews in the import
 * @param reviewsWritten reviews written
 */
public record ImportResult(
    int actorsReceived, int actorsWritten, int reviewsReceived, int reviewsWritten) {}
