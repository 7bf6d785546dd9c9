package io.github.pydanticdynamo.sample.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/actors/{id}/reviews}. */
record NewReview(@NotBlank @Size(max = 2000) String review) {}
