package io.github.pydanticdynamo;

import io.github.pydanticdynamo.Models.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Threads doing read-modify-write increments of {@code views}, guarded by the version. */
final class VersionedIncrements {
  private VersionedIncrements() {}

  /** Runs the increments and returns how many version conflicts were retried. */
  static int run(
      DynamoRepository<Profile> repo, ContentKey key, int threads, int incrementsPerThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> increment(repo, key, incrementsPerThread)));
      }
      int conflicts = 0;
      for (Future<Integer> result : results) {
        conflicts += result.get(10, TimeUnit.MINUTES);
      }
      return conflicts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int increment(DynamoRepository<Profile> repo, ContentKey key, int times) {
    int conflicts = 0;
    for (int i = 0; i < times; i++) {
      while (true) {
        PartitionedContent<Profile> current =
            repo.get(key.partitionIds(), key.contentIds()).content().orElseThrow();
        try {
          repo.update(
              key.partitionIds(),
              key.contentIds(),
              UpdateCommand.builder()
                  .set("views", current.item().views() + 1)
                  .currentVersion(current.currentVersion())
                  .build());
          break;
        } catch (VersionConflictException e) {
          conflicts++;
        }
      }
    }
    return conflicts;
  }
}
