package io.github.pydanticdynamo;

/**
 * How a repository lays out keys, nulls and sets in the items it writes. Both formats read what
 * either one wrote, and what the Python library (pydantic-dynamo 0.4.2) wrote; they differ only in
 * what they write. Dates and times are written alike in both: Python's {@code isoformat()} text
 * (see {@link ContentIds}).
 *
 * <pre>{@code
 * DynamoRepository<FilmActor> actors = DynamoRepository.builder(FilmActor.class)
 *     .client(dynamoDbClient)
 *     .tableName("shared-table")
 *     .partitionPrefix("films")
 *     .storageFormat(StorageFormat.PYTHON)   // a Python service reads and writes the same table
 *     .build();
 * }</pre>
 */
public enum StorageFormat {
  /**
   * The default: ids are escaped ({@code #} as {@code %23}, {@code %} as {@code %25}) so any id
   * round-trips; null and empty optional properties, and empty sets, are omitted; sets of strings,
   * numbers and bytes are {@code SS}, {@code NS} and {@code BS}. Choose it when only this library
   * writes the table. A Python service can still read every item, except that a Python model with a
   * required set field fails on an item whose set was empty (it is omitted).
   */
  STANDARD,

  /**
   * Exactly what the Python library writes for the same values, for a table that Java and Python
   * services share. Ids are joined raw with {@code #}; null and empty optional properties are
   * written as {@code NULL}; sets are lists ({@code L}), an empty set an empty list (the Python
   * library itself fails to write one, and reads an empty list back as an empty set); numbers,
   * enums (as Jackson writes them: give a Java enum a {@code @JsonValue} to store a Python enum's
   * value), dates and times as Python's text.
   *
   * <p>Raw joining cannot tell an id that holds {@code #} from two ids ({@code ["a#b"]} and {@code
   * ["a", "b"]} are one key), nor no id from one empty id ({@code []} and {@code [""]}). Writes
   * that would store such a key ({@code put}, {@code putBatch}, and {@code update} with {@code
   * requireExists(false)}) fail with {@link InvalidKeyException} before anything is sent. Reads,
   * updates of existing items and deletes accept them, so an item the Python library wrote under
   * {@code ["a#b"]} is found by {@code get(List.of("a#b"), …)}; it lists back as {@code ["a", "b"]}
   * (the Python library reads it so too). A key with no ids reads back as {@code []}, where the
   * Python library reads {@code [""]}.
   */
  PYTHON
}
