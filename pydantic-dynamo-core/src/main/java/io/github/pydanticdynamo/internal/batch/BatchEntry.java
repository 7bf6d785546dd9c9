package io.github.pydanticdynamo.internal.batch;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.PartitionedContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One put, delete or read of one key in a batch, with what it came from. */
public record BatchEntry(
    String identity, // the raw key, to match DynamoDB's unprocessed lists
    ContentKey key,
    @Nullable Map<String, AttributeValue> item, // null for deletes, reads and puts mapped when sent
    Map<String, AttributeValue> rawKey,
    @Nullable PartitionedContent<?> content, // what a put stores, else null
    @Nullable Instant written) { // a put's batch write time, else null

  /** BatchWriteItem's limit of items per request. */
  public static final int WRITE_CHUNK = 25;

  /** BatchGetItem's limit of keys per request. */
  public static final int READ_CHUNK = 100;

  /** Drops earlier entries for the same key: the last one wins, at its own position. */
  public static List<BatchEntry> lastWins(List<BatchEntry> entries) {
    Map<String, BatchEntry> byKey = new LinkedHashMap<>(entries.size() * 2);
    for (BatchEntry entry : entries) {
      byKey.remove(entry.identity());
      byKey.put(entry.identity(), entry);
    }
    return byKey.size() == entries.size() ? entries : new ArrayList<>(byKey.values());
  }

  /** Keeps the first entry of each key (reads ask each key once). */
  public static List<BatchEntry> firstWins(List<BatchEntry> entries) {
    Map<String, BatchEntry> byKey = new LinkedHashMap<>(entries.size() * 2);
    for (BatchEntry entry : entries) {
      byKey.putIfAbsent(entry.identity(), entry);
    }
    return byKey.size() == entries.size() ? entries : new ArrayList<>(byKey.values());
  }

  /** Consecutive views of {@code size} entries (the last one shorter). */
  public static List<List<BatchEntry>> chunks(List<BatchEntry> entries, int size) {
    List<List<BatchEntry>> chunks = new ArrayList<>((entries.size() + size - 1) / size);
    for (int i = 0; i < entries.size(); i += size) {
      chunks.add(entries.subList(i, Math.min(entries.size(), i + size)));
    }
    return chunks;
  }

  /**
   * The chunks of a write batch, each a list of its own (no view of the whole batch), in a slot
   * that holds what the chunk has not yet confirmed and is cleared once it is written: a written
   * chunk's items can be collected while the rest of the batch is still being sent.
   */
  public static final class WriteChunks {
    private final AtomicReferenceArray<@Nullable List<BatchEntry>> slots;
    private final int total;
    private final AtomicInteger claimed = new AtomicInteger();

    public WriteChunks(List<BatchEntry> entries) {
      int size = entries.size();
      this.slots = new AtomicReferenceArray<>((size + WRITE_CHUNK - 1) / WRITE_CHUNK);
      for (int i = 0; i < slots.length(); i++) {
        slots.set(
            i,
            List.copyOf(entries.subList(i * WRITE_CHUNK, Math.min(size, (i + 1) * WRITE_CHUNK))));
      }
      this.total = size;
    }

    /** How many chunks. */
    public int count() {
      return slots.length();
    }

    /** How many entries in the whole batch, written or not. */
    public int total() {
      return total;
    }

    /** What chunk {@code index} has not confirmed yet, or null once it is written. */
    public @Nullable List<BatchEntry> pending(int index) {
      return slots.get(index);
    }

    /** Records a response: only {@code left} of chunk {@code index} is still to be written. */
    public void confirm(int index, List<BatchEntry> left) {
      slots.set(index, left.isEmpty() ? null : left);
    }

    /** The next chunk no worker has taken yet, or -1 when all are taken. */
    public int claim() {
      int index = claimed.getAndIncrement();
      return index < slots.length() ? index : -1;
    }
  }
}
