package io.github.pydanticdynamo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Conditions on the items a query returns, all of which must hold (AND). Names are attribute paths
 * of the model (dotted for nested attributes) and are checked against it; values are converted
 * through the model's field types. Names and values always travel as placeholders, so reserved
 * words and dashes are safe. A dot separates nested names ({@code address.city}); a dot that is
 * part of a name, as in a property named with {@code JsonProperty("a.b")}, is escaped with a
 * backslash: {@code a\.b} ({@code "a\\.b"} in Java source), as in {@link UpdateCommand}. {@link
 * #toString()} shows paths and operators, never values.
 *
 * <pre>{@code
 * FilterCommand filter = FilterCommand.builder()
 *     .notExists("review")               // missing, or NULL as the Python library stored None
 *     .equalTo("status", Status.ACTIVE)
 *     .greaterThan("rating", 3)
 *     .build();
 * repository.list(ids, List.of(), QueryOptions.builder().filter(filter).build());
 * }</pre>
 */
public final class FilterCommand {
  private final List<Condition> conditions;

  private FilterCommand(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /**
   * Starts a filter.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The conditions, in the order they were added.
   *
   * @return the conditions
   */
  public List<Condition> conditions() {
    return conditions;
  }

  /**
   * Whether there are no conditions.
   *
   * @return true for an empty filter
   */
  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  @Override
  public String toString() {
    return "FilterCommand" + conditions;
  }

  /** The comparison a condition makes. */
  public enum Operator {
    /** The attribute is missing or NULL. */
    NOT_EXISTS,
    /** The attribute is present and not NULL. */
    EXISTS,
    /** The attribute equals the value; for null, it is missing or NULL. */
    EQUAL_TO,
    /** The attribute is missing or differs from the value; for null, it is present and not NULL. */
    NOT_EQUAL_TO,
    /** A string attribute starts with the value. */
    BEGINS_WITH,
    /** A string contains the value, or a list or set holds it. */
    CONTAINS,
    /** The attribute is less than the value. */
    LESS_THAN,
    /** The attribute is less than or equal to the value. */
    LESS_THAN_OR_EQUAL,
    /** The attribute is greater than the value. */
    GREATER_THAN,
    /** The attribute is greater than or equal to the value. */
    GREATER_THAN_OR_EQUAL,
    /** The attribute is between two values, inclusive. */
    BETWEEN,
    /** The attribute equals one of the values. */
    IN
  }

  /**
   * One condition.
   *
   * @param operator the comparison
   * @param path the attribute path
   * @param values the operands (none for EXISTS/NOT_EXISTS, two for BETWEEN)
   */
  public record Condition(Operator operator, String path, List<@Nullable Object> values) {
    /** Copies the values. */
    public Condition {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The operator and path, never the values (they may be secrets, and filters reach logs). */
    @Override
    public String toString() {
      return operator + "[" + path + "]";
    }
  }

  /** Builds a {@link FilterCommand}. */
  public static final class Builder {
    private final List<Condition> conditions = new ArrayList<>();

    private Builder() {}

    /**
     * The attribute is missing or NULL.
     *
     * @param path the attribute path
     * @return this builder
     */
    public Builder notExists(String path) {
      return add(Operator.NOT_EXISTS, path);
    }

    /**
     * The attribute is present and not NULL.
     *
     * @param path the attribute path
     * @return this builder
     */
    public Builder exists(String path) {
      return add(Operator.EXISTS, path);
    }

    /**
     * The attribute equals {@code value}. A {@code null} value matches items whose attribute is
     * null: stored as {@code NULL} (as the Python library and the {@link StorageFormat#PYTHON
     * Python storage format} store null) or missing (as the standard format leaves it out), like
     * {@link #notExists}. The Python library's {@code equals={field: None}} matches stored {@code
     * NULL}s only.
     *
     * <pre>{@code
     * FilterCommand.builder().equalTo("review", null).build(); // reviews not written yet
     * }</pre>
     *
     * @param path the attribute path
     * @param value the value, or null
     * @return this builder
     */
    public Builder equalTo(String path, @Nullable Object value) {
      return add(Operator.EQUAL_TO, path, value);
    }

    /**
     * The attribute is missing or differs from {@code value}. A {@code null} value matches items
     * whose attribute is present and not {@code NULL}, like {@link #exists}.
     *
     * @param path the attribute path
     * @param value the value, or null
     * @return this builder
     */
    public Builder notEqualTo(String path, @Nullable Object value) {
      return add(Operator.NOT_EQUAL_TO, path, value);
    }

    /**
     * A string attribute begins with {@code prefix}.
     *
     * @param path the attribute path
     * @param prefix the prefix
     * @return this builder
     */
    public Builder beginsWith(String path, String prefix) {
      return add(Operator.BEGINS_WITH, path, prefix);
    }

    /**
     * A string attribute contains {@code value}, or a list or set attribute holds it.
     *
     * @param path the attribute path
     * @param value the substring or element
     * @return this builder
     */
    public Builder contains(String path, Object value) {
      return add(Operator.CONTAINS, path, value);
    }

    /**
     * The attribute is less than {@code value}.
     *
     * @param path the attribute path
     * @param value the bound
     * @return this builder
     */
    public Builder lessThan(String path, Object value) {
      return add(Operator.LESS_THAN, path, value);
    }

    /**
     * The attribute is at most {@code value}.
     *
     * @param path the attribute path
     * @param value the bound
     * @return this builder
     */
    public Builder lessThanOrEqual(String path, Object value) {
      return add(Operator.LESS_THAN_OR_EQUAL, path, value);
    }

    /**
     * The attribute is greater than {@code value}.
     *
     * @param path the attribute path
     * @param value the bound
     * @return this builder
     */
    public Builder greaterThan(String path, Object value) {
      return add(Operator.GREATER_THAN, path, value);
    }

    /**
     * The attribute is at least {@code value}.
     *
     * @param path the attribute path
     * @param value the bound
     * @return this builder
     */
    public Builder greaterThanOrEqual(String path, Object value) {
      return add(Operator.GREATER_THAN_OR_EQUAL, path, value);
    }

    /**
     * The attribute is between {@code low} and {@code high}, inclusive.
     *
     * @param path the attribute path
     * @param low the lower bound
     * @param high the upper bound
     * @return this builder
     */
    public Builder between(String path, Object low, Object high) {
      return add(Operator.BETWEEN, path, low, high);
    }

    /**
     * The attribute equals one of {@code values} (1 to 100 of them).
     *
     * @param path the attribute path
     * @param values the candidates
     * @return this builder
     */
    public Builder in(String path, Collection<?> values) {
      if (values == null || values.isEmpty() || values.size() > 100) {
        throw new InvalidCommandException(
            "in(\""
                + path
                + "\", ...) needs 1 to 100 values, got "
                + (values == null ? "null" : values.size()));
      }
      return add(Operator.IN, path, values.toArray());
    }

    /**
     * Builds the immutable filter.
     *
     * @return the filter
     */
    public FilterCommand build() {
      return new FilterCommand(conditions);
    }

    private Builder add(Operator operator, String path, @Nullable Object... values) {
      if (path == null || path.isBlank()) {
        throw new InvalidCommandException(
            "a filter path is " + (path == null ? "null" : "blank") + "; name an attribute");
      }
      boolean nullAllowed = operator == Operator.EQUAL_TO || operator == Operator.NOT_EQUAL_TO;
      for (Object value : values) {
        if (value == null && !nullAllowed) {
          throw new InvalidCommandException(
              "filter "
                  + operator
                  + " on '"
                  + path
                  + "' has a null value; use equalTo(\""
                  + path
                  + "\", null) or notExists(\""
                  + path
                  + "\") to match missing or NULL values");
        }
      }
      conditions.add(new Condition(operator, path, Arrays.asList(values)));
      return this;
    }
  }
}
