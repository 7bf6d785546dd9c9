package com.example.films;

import io.github.pydanticdynamo.DynamoEntity;

// tag::entity[]
@DynamoEntity(partitionName = "actors")
public record FilmActor(String id, String name, String review) {}
// end::entity[]
