package com.example.films;

import io.github.pydanticdynamo.DynamoEntity;
import java.time.Instant;

@DynamoEntity(partitionName = "reviews")
public record ActorReview(String id, String actorId, Instant created, String text) {}
