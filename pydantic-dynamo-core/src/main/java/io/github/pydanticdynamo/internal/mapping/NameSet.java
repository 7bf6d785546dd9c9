package io.github.pydanticdynamo.internal.mapping;

import java.util.Set;

/** A few names, checked without hashing: most names fail on their first character. */
final class NameSet {
  static final NameSet NONE = new NameSet(Set.of());

  private final String[] names;
  private final long[] firstChars = new long[2];

  NameSet(Set<String> names) {
    this.names = names.toArray(new String[0]);
    for (String name : this.names) {
      char first = name.isEmpty() ? 0 : name.charAt(0);
      if (first < 128) {
        firstChars[first >> 6] |= 1L << (first & 63);
      }
    }
  }

  boolean contains(String name) {
    if (names.length == 0) {
      return false;
    }
    char first = name.isEmpty() ? 0 : name.charAt(0);
    if (first < 128 && (firstChars[first >> 6] & (1L << (first & 63))) == 0) {
      return false;
    }
    for (String candidate : names) {
      if (candidate.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
