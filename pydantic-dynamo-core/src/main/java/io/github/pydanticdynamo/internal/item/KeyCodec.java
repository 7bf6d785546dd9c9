package io.github.pydanticdynamo.internal.item;

import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.InvalidKeyException;
import io.github.pydanticdynamo.StorageFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Composes and parses the partition and sort key values of one repository: ids escaped in the
 * standard format, joined raw in the Python format (where writes reject ids raw joining would
 * change).
 */
public final class KeyCodec {
  static final char SEPARATOR = '#';
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  private final String partitionHead;
  private final String sortHead;
  private final boolean raw;

  /**
   * A codec for one repository's names, in the standard format.
   *
   * @param partitionPrefix the partition prefix
   * @param partitionName the partition name
   * @param contentType the content type
   */
  public KeyCodec(String partitionPrefix, String partitionName, String contentType) {
    this(partitionPrefix, partitionName, contentType, StorageFormat.STANDARD);
  }

  /**
   * A codec for one repository's names.
   *
   * @param partitionPrefix the partition prefix
   * @param partitionName the partition name
   * @param contentType the content type
   * @param format escaped ids (standard) or raw ones (Python)
   */
  public KeyCodec(
      String partitionPrefix, String partitionName, String contentType, StorageFormat format) {
    this.partitionHead = partitionPrefix + SEPARATOR + partitionName + SEPARATOR;
    this.sortHead = contentType + SEPARATOR;
    this.raw = format == StorageFormat.PYTHON;
  }

  /** A partition key value and the ids it was composed of. */
  private record Composed(List<String> ids, String key) {}

  // The partition key composed last: a batch's items mostly share it. Immutable and published
  // through a final field, so a racy read sees a whole one or an older one.
  private @Nullable Composed lastPartition;

  /** The partition key value for {@code ids}. */
  public String partitionKey(List<String> ids) {
    Composed last = lastPartition;
    if (last != null && last.ids().equals(ids)) {
      return last.key();
    }
    String key = partitionHead + (raw ? joinRaw(ids) : join(ids));
    checkLength(key, MAX_PARTITION_KEY_BYTES, "partition", ids);
    lastPartition = new Composed(List.copyOf(ids), key);
    return key;
  }

  /** The sort key value for {@code ids}. */
  public String sortKey(List<String> ids) {
    String key = sortHead + (raw ? joinRaw(ids) : join(ids));
    checkLength(key, MAX_SORT_KEY_BYTES, "sort", ids);
    return key;
  }

  /**
   * Checks that an item written under {@code key} reads back under the same ids: always in the
   * standard format; in the Python format only without {@code #} in an id and without a lone empty
   * id.
   *
   * @throws InvalidKeyException when raw joining would change the ids
   */
  public void checkWritable(ContentKey key) {
    if (raw) {
      checkRaw(key.partitionIds(), "partition");
      checkRaw(key.contentIds(), "content");
    }
  }

  private static void checkRaw(List<String> ids, String which) {
    if (ids.size() == 1 && ids.get(0).isEmpty()) {
      throw new InvalidKeyException(
          which
              + " ids [\"\"] (one empty id) make the same key as no ids in the Python storage"
              + " format, and read back as []; use an empty list or a non-empty id");
    }
    for (String id : ids) {
      if (id.indexOf(SEPARATOR) >= 0) {
        throw new InvalidKeyException(
            which
                + " id '"
                + abbreviate(id)
                + "' contains the key separator '#'; the Python storage format joins ids raw,"
                + " so it would read back as "
                + id.split("#", -1).length
                + " ids. Choose an id without '#', or use StorageFormat.STANDARD, which escapes"
                + " it.");
      }
    }
  }

  /**
   * An upper bound of the UTF-8 bytes of {@link #partitionKey} ({@code partition} true) or {@link
   * #sortKey} for ids whose texts hold {@code idChars} UTF-16 units in all, without composing it:
   * an escaped character is 3 ASCII bytes, any other at most 3.
   */
  long keyBytesBound(boolean partition, long idChars, int ids) {
    String head = partition ? partitionHead : sortHead;
    return 3L * head.length() + 3L * idChars + Math.max(0, ids - 1);
  }

  /** The limit of {@link #partitionKey} ({@code partition} true) or {@link #sortKey}, in bytes. */
  static int maxKeyBytes(boolean partition) {
    return partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
  }

  /** Both key values of {@code key}. */
  public String[] keys(ContentKey key) {
    return new String[] {partitionKey(key.partitionIds()), sortKey(key.contentIds())};
  }

  /** The ids of a stored partition key value. */
  public List<String> partitionIds(String partitionKey) {
    return split(partitionKey, partitionHead, "partition", raw);
  }

  /** The ids of a stored sort key value. */
  public List<String> contentIds(String sortKey) {
    return split(sortKey, sortHead, "sort", raw);
  }

  /** The sort key prefix every item of this content type starts with. */
  public String sortHead() {
    return sortHead;
  }

  /** Joins ids with the separator as they are (the Python library's keys). */
  static String joinRaw(List<String> ids) {
    return ids.size() == 1 ? ids.get(0) : String.join("#", ids);
  }

  /** Joins escaped ids with the separator. */
  static String join(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    if (ids.size() == 1) {
      return escape(ids.get(0));
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        joined.append(SEPARATOR);
      }
      joined.append(escape(ids.get(i)));
    }
    return joined.toString();
  }

  static String escape(String id) {
    if (id.indexOf('%') < 0 && id.indexOf('#') < 0) {
      return id;
    }
    StringBuilder escaped = new StringBuilder(id.length() + 6);
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '%') {
        escaped.append("%25");
      } else if (c == '#') {
        escaped.append("%23");
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  static String unescape(String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    StringBuilder plain = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%' && part.startsWith("25", i + 1)) {
        plain.append('%');
        i += 2;
      } else if (c == '%' && part.startsWith("23", i + 1)) {
        plain.append('#');
        i += 2;
      } else {
        plain.append(c); // a bare '%' written by the Python library stays as it was
      }
    }
    return plain.toString();
  }

  private static List<String> split(String value, String head, String which, boolean raw) {
    if (!value.startsWith(head)) {
      throw new IllegalArgumentException(
          "the " + which + " key does not start with '" + head + "'");
    }
    if (value.length() == head.length()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(4);
    int start = head.length();
    while (true) {
      int next = value.indexOf(SEPARATOR, start);
      if (next < 0) {
        String last = value.substring(start);
        ids.add(raw ? last : unescape(last));
        return List.copyOf(ids);
      }
      String id = value.substring(start, next);
      ids.add(raw ? id : unescape(id));
      start = next + 1;
    }
  }

  private static void checkLength(String key, int max, String which, List<String> ids) {
    // UTF-8 is at most 3 bytes per UTF-16 unit; only count exactly when it could matter.
    if (key.length() * 3 <= max) {
      return;
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw new InvalidKeyException(
          "the "
              + which
              + " key for ids "
              + abbreviate(ids.toString())
              + " is "
              + bytes
              + " bytes; DynamoDB allows "
              + max
              + ". Use shorter ids (or hash long ones).");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
