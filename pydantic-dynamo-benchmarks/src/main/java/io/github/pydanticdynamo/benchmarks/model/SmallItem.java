package io.github.pydanticdynamo.benchmarks.model;

/**
 * A small item: five scalar fields.
 *
 * @param id the id
 * @param name a name
 * @param rank a rank
 * @param views a view count
 * @param active a flag
 */
public record SmallItem(String id, String name, int rank, long views, boolean active) {}
