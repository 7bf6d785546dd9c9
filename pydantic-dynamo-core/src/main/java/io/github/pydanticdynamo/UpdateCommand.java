package io.github.pydanticdynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, reusable description of an update. Names and values are checked against the model
 * (unknown attribute or path, a value of the wrong type, increment of a non-integral field, append
 * to a non-list, the same path twice) before any request is sent.
 *
 * <p>Paths are attribute names (Jackson property names), dotted for nested attributes: {@code
 * address.city}, {@code scores.imdb}. A dot that is part of a name, as in a property named with
 * {@code JsonProperty("a.b")}, is escaped with a backslash: {@code a\.b} ({@code "a\\.b"} in Java
 * source), {@code meta.a\.b} below {@code meta}; two backslashes stand for one. {@link
 * FilterCommand} paths are written the same way. {@link #toString()} shows paths and operations,
 * never values.
 *
 * <pre>{@code
 * UpdateCommand command = UpdateCommand.builder()
 *     .set("review", "Talented")          // replace an attribute (null removes it)
 *     .set("address.city", "Saratoga")    // a nested path
 *     .merge("scores", Map.of("imdb", 8)) // partial update of a map, created when missing
 *     .increment("views", 1)
 *     .append("tags", List.of("drama"))
 *     .remove("nickname")
 *     .expiry(Instant.parse("2030-01-01T00:00:00Z"))
 *     .currentVersion(3)                  // optimistic check on _object_version
 *     .build();
 * PartitionedContent<FilmActor> updated = repository.update(ids, contentIds, command);
 * }</pre>
 */
public final class UpdateCommand {
  private final List<Action> actions;
  private final ExpiryChange expiryChange;
  private final @Nullable Instant expiry;
  private final OptionalLong currentVersion;
  private final boolean requireExists;

  private UpdateCommand(Builder builder) {
    this.actions = List.copyOf(builder.actions);
    this.expiryChange = builder.expiryChange;
    this.expiry = builder.expiry;
    this.currentVersion = builder.currentVersion;
    this.requireExists = builder.requireExists;
  }

  /**
   * Starts a command.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The attribute actions, in the order they were added.
   *
   * @return the actions
   */
  public List<Action> actions() {
    return actions;
  }

  /**
   * What the command does to the expiry ({@code _ttl}).
   *
   * @return keep, set or clear
   */
  public ExpiryChange expiryChange() {
    return expiryChange;
  }

  /**
   * The new expiry when {@link #expiryChange()} is {@link ExpiryChange#SET}.
   *
   * @return the expiry, or empty
   */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiry);
  }

  /**
   * The version the stored item must have, if the update is version-checked.
   *
   * @return the expected version, or empty
   */
  public OptionalLong currentVersion() {
    return currentVersion;
  }

  /**
   * Whether the update fails with {@link ItemNotFoundException} when the item does not exist
   * (default true); when false, a missing item is created (an upsert).
   *
   * @return whether the item must exist
   */
  public boolean requireExists() {
    return requireExists;
  }

  /**
   * A builder seeded with this command, to derive another one.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.actions.addAll(actions);
    builder.expiryChange = expiryChange;
    builder.expiry = expiry;
    builder.currentVersion = currentVersion;
    builder.requireExists = requireExists;
    return builder;
  }

  /**
   * The paths and what is done to them, never a value (values may be secrets, and commands reach
   * logs): {@code UpdateCommand[actions=[Set[review], Increment[views]], expiry=KEEP,
   * versionChecked=false, requireExists=true]}.
   */
  @Override
  public String toString() {
    return "UpdateCommand[actions="
        + actions
        + ", expiry="
        + expiryChange
        + ", versionChecked="
        + currentVersion.isPresent()
        + ", requireExists="
        + requireExists
        + "]";
  }

  /** What an update does to the item's expiry. */
  public enum ExpiryChange {
    /** Leave {@code _ttl} as it is. */
    KEEP,
    /** Set {@code _ttl} to a new instant. */
    SET,
    /** Remove {@code _ttl}: the item no longer expires. */
    CLEAR
  }

  /** One change to one attribute path. */
  public sealed interface Action permits Set, Merge, Increment, Append, Remove {
    /**
     * The attribute path (dot-separated for nested attributes).
     *
     * @return the path
     */
    String path();
  }

  /**
   * Replace the value at {@code path}; a {@code null} value removes it (stores {@code NULL} in the
   * {@link StorageFormat#PYTHON Python storage format}).
   *
   * @param path the attribute path
   * @param value the new value, or {@code null} to remove
   */
  public record Set(String path, @Nullable Object value) implements Action {
    /** The path only: values may be secrets, and commands reach logs. */
    @Override
    public String toString() {
      return "Set[" + path + "]";
    }
  }

  /**
   * Set some keys of a map (or nested record) attribute, keeping the others; the map is created
   * when it is missing. A {@code null} value removes its key ({@code NULL} in the Python storage
   * format).
   *
   * @param path the map attribute
   * @param entries the keys to set and their values
   */
  public record Merge(String path, Map<String, @Nullable Object> entries) implements Action {
    /** Copies the entries, keeping their order. */
    public Merge {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The path and how many keys: neither keys nor values, which may be secrets. */
    @Override
    public String toString() {
      return "Merge[" + path + ", " + entries.size() + (entries.size() == 1 ? " key]" : " keys]");
    }
  }

  /**
   * Add {@code amount} to an integral attribute (a missing or NULL attribute counts as 0).
   *
   * @param path the attribute path
   * @param amount the amount to add (may be negative)
   */
  public record Increment(String path, long amount) implements Action {
    /** The path only. */
    @Override
    public String toString() {
      return "Increment[" + path + "]";
    }
  }

  /**
   * Append elements to a list attribute (a missing list counts as empty).
   *
   * @param path the attribute path
   * @param values the elements to append
   */
  public record Append(String path, List<@Nullable Object> values) implements Action {
    /** Copies the values. */
    public Append {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The path and how many elements, not the elements. */
    @Override
    public String toString() {
      return "Append["
          + path
          + ", "
          + values.size()
          + (values.size() == 1 ? " element]" : " elements]");
    }
  }

  /**
   * Remove the attribute at {@code path}.
   *
   * @param path the attribute path
   */
  public record Remove(String path) implements Action {}

  /** Builds an {@link UpdateCommand}; not thread-safe, the built command is. */
  public static final class Builder {
    private final List<Action> actions = new ArrayList<>();
    private ExpiryChange expiryChange = ExpiryChange.KEEP;
    private @Nullable Instant expiry;
    private OptionalLong currentVersion = OptionalLong.empty();
    private boolean requireExists = true;

    private Builder() {}

    /**
     * Replaces the attribute at {@code path} (a top-level name or a dotted nested path); {@code
     * null} removes it, or stores {@code NULL} in the {@link StorageFormat#PYTHON Python storage
     * format} (as the Python library stores None).
     *
     * @param path the attribute path
     * @param value the new value
     * @return this builder
     */
    public Builder set(String path, @Nullable Object value) {
      actions.add(new Set(requirePath(path), value));
      return this;
    }

    /**
     * Sets some keys of a map attribute (or properties of a nested record), keeping the others.
     *
     * @param path the map attribute
     * @param entries the keys and values to set
     * @return this builder
     */
    public Builder merge(String path, Map<String, ?> entries) {
      if (entries == null) {
        throw new InvalidCommandException("merge(\"" + path + "\", null): pass a map of entries");
      }
      Map<String, @Nullable Object> copy = new LinkedHashMap<>(entries);
      actions.add(new Merge(requirePath(path), copy));
      return this;
    }

    /**
     * Adds {@code amount} to an integral attribute.
     *
     * @param path the attribute path
     * @param amount the amount (negative to subtract)
     * @return this builder
     */
    public Builder increment(String path, long amount) {
      actions.add(new Increment(requirePath(path), amount));
      return this;
    }

    /**
     * Appends elements to a list attribute.
     *
     * @param path the attribute path
     * @param values the elements to append
     * @return this builder
     */
    public Builder append(String path, List<?> values) {
      if (values == null) {
        throw new InvalidCommandException(
            "append(\"" + path + "\", null): pass the list of elements to append");
      }
      actions.add(new Append(requirePath(path), new ArrayList<>(values)));
      return this;
    }

    /**
     * Removes an attribute.
     *
     * @param path the attribute path
     * @return this builder
     */
    public Builder remove(String path) {
      actions.add(new Remove(requirePath(path)));
      return this;
    }

    /**
     * Sets the expiry ({@code _ttl}, epoch seconds).
     *
     * @param newExpiry the expiry; {@code null} clears it
     * @return this builder
     */
    public Builder expiry(@Nullable Instant newExpiry) {
      if (newExpiry == null) {
        return clearExpiry();
      }
      this.expiryChange = ExpiryChange.SET;
      this.expiry = newExpiry;
      return this;
    }

    /**
     * Removes the expiry: the item no longer expires.
     *
     * @return this builder
     */
    public Builder clearExpiry() {
      this.expiryChange = ExpiryChange.CLEAR;
      this.expiry = null;
      return this;
    }

    /**
     * Makes the update conditional on the stored version ({@code _object_version}); a stored item
     * without a version counts as version 1. {@code currentVersion(1)} and {@code
     * currentVersion(version)} with a {@code long} or {@code int} both work; {@link
     * #clearCurrentVersion()} removes the check again.
     *
     * @param version the expected version, 1 or more
     * @return this builder
     * @throws InvalidCommandException when the version is below 1
     */
    public Builder currentVersion(long version) {
      if (version < 1) {
        throw new InvalidCommandException(
            "currentVersion " + version + " is not a version; versions start at 1");
      }
      this.currentVersion = OptionalLong.of(version);
      return this;
    }

    /**
     * Removes the version check (the default): the update applies whatever version is stored.
     *
     * <pre>{@code
     * UpdateCommand.Builder command = UpdateCommand.builder().set("review", "x");
     * if (expectedVersion != null) {
     *   command.currentVersion(expectedVersion);
     * }
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearCurrentVersion() {
      this.currentVersion = OptionalLong.empty();
      return this;
    }

    /**
     * Whether the item must exist (default true); false makes the update an upsert.
     *
     * @param required whether the item must exist
     * @return this builder
     */
    public Builder requireExists(boolean required) {
      this.requireExists = required;
      return this;
    }

    /**
     * Builds the immutable command.
     *
     * @return the command
     */
    public UpdateCommand build() {
      return new UpdateCommand(this);
    }

    private static String requirePath(@Nullable String path) {
      if (path == null || path.isBlank()) {
        throw new InvalidCommandException(
            "an update path is " + (path == null ? "null" : "blank") + "; name an attribute");
      }
      return path;
    }
  }
}
