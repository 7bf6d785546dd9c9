package io.github.pydanticdynamo.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/** DynamoDB's rules for table names: 3 to 255 characters of [a-zA-Z0-9_.-]. */
final class TableNames {
  private TableNames() {}

  /** Fails naming the setting when a configured table name breaks the rules. */
  static void check(@Nullable String name, String setting) {
    String problem = name == null || name.isBlank() ? null : problem(name);
    if (name != null && problem != null) {
      throw new PydanticDynamoConfigurationException(
          setting + " '" + name + "' is not a valid DynamoDB table name: " + problem + ".",
          "Set "
              + setting
              + " to a name of 3 to 255 characters, each a letter, a digit, '_', '-' or '.'"
              + " (such as 'app-table').",
          null);
    }
  }

  /** What is wrong with the name, or null when DynamoDB accepts it. */
  static @Nullable String problem(String name) {
    if (name.length() < 3) {
      return "it has "
          + name.length()
          + " character"
          + (name.length() == 1 ? "" : "s")
          + ", at least 3 are needed";
    }
    if (name.length() > 255) {
      return "it has " + name.length() + " characters, at most 255 are allowed";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!allowed) {
        return "it contains '"
            + c
            + "' at position "
            + (i + 1)
            + ", and only letters, digits, '_', '-' and '.' are allowed";
      }
    }
    return null;
  }
}
