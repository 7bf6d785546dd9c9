package io.github.pydanticdynamo.benchmarks.endtoend;

import io.github.pydanticdynamo.SecondaryIndex;
import io.github.pydanticdynamo.benchmarks.model.MediumItem;
import java.util.List;

/**
 * One way of storing {@link MediumItem}s: every contender writes the same items under the same
 * keys, in a table of its own, so each does the same work on the engine.
 */
interface Contender extends AutoCloseable {
  /** The partition the batch operations use. */
  String BATCH_PARTITION = "batch";

  /** The partition the single operations use. */
  String SINGLE_PARTITION = "single";

  /** The partition key attribute of every table. */
  String PK = "PK";

  /** The sort key attribute of every table. */
  String SK = "SK";

  /** The global secondary index of items by status that every contender writes and queries. */
  String BY_STATUS = "by-status";

  /** The partition key attribute of {@link #BY_STATUS}. */
  String GSI_PK = "GSI1PK";

  /** The sort key attribute of {@link #BY_STATUS}. */
  String GSI_SK = "GSI1SK";

  /** The index as pydantic-dynamo declares it (and creates it with the table). */
  SecondaryIndex INDEX =
      SecondaryIndex.global(BY_STATUS)
          .partitionKey(GSI_PK)
          .sortKey(GSI_SK)
          .partitionIds("status")
          .contentIds("id")
          .build();

  /** The table's name. */
  String table();

  /** Writes the items to the batch partition, each under its id. */
  void putBatch(List<MediumItem> items);

  /** Reads the items of the batch partition with these ids; returns how many were found. */
  int getBatch(List<String> ids);

  /** Reads the whole batch partition; returns how many items it holds. */
  int list();

  /** Reads every item with this status through the index; returns how many there are. */
  int indexQuery(MediumItem.Status status);

  /** Reads every item of the table with a sequential scan; returns how many there are. */
  int scan();

  /** Writes one item to the single partition. */
  void put(MediumItem item);

  /**
   * Reads one item of the single partition into the contender's own form (record or bean).
   *
   * @return the id of the item read, for the harness's check
   */
  String get(String id);

  /**
   * Sets the rating of one item of the single partition and reads back the stored item.
   *
   * @return the rating of the item read back, for the harness's check
   */
  int update(String id, int rating);

  @Override
  void close();

  /** The key strings pydantic-dynamo writes, which the other contenders write too. */
  final class Keys {
    static final String PREFIX = "bench";
    static final String NAME = "item";
    static final String CONTENT_TYPE = "item";

    private Keys() {}

    static String partition(String partition) {
      return PREFIX + '#' + NAME + '#' + partition;
    }

    static String sort(String id) {
      return CONTENT_TYPE + '#' + id;
    }

    static String sortPrefix() {
      return CONTENT_TYPE + '#';
    }

    /** The index partition key of a status (the index's partition name is its name). */
    static String statusPartition(MediumItem.Status status) {
      return PREFIX + '#' + BY_STATUS + '#' + status.name();
    }
  }
}
