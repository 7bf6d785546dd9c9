package io.github.pydanticdynamo.sample.web;

/** The answer of {@code DELETE /api/actors/{id}/reviews}. */
record DeletedReviews(String actorId, long deleted) {}
