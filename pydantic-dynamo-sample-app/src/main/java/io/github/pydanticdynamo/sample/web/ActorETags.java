package io.github.pydanticdynamo.sample.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An actor's version as an entity tag ({@code "3"}), and back from an {@code If-Match} header. */
final class ActorETags {
  private ActorETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names: {@code "3"} (also {@code W/"3"} and {@code 3}),
   * or {@code null} for no header or {@code *} (any stored version).
   */
  static @Nullable Long versionOf(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ResponseStatusException(
        HttpStatus.BAD_REQUEST,
        "If-Match "
            + ifMatch
            + " is not an ETag of an actor; send the ETag of a GET, such as \"1\"");
  }
}
