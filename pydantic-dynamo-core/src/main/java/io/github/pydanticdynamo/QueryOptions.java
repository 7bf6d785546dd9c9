package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * How a {@code list} or {@code listBetween} query runs.
 *
 * <pre>{@code
 * QueryOptions options = QueryOptions.builder()
 *     .ascending(false)     // newest first
 *     .limit(10)            // exactly 10 at most, across pages and filters
 *     .pageSize(100)        // DynamoDB Limit per request
 *     .startToken(previous.nextToken().orElse(null))
 *     .build();
 * }</pre>
 *
 * @param ascending sort-key order (default true)
 * @param limit the exact maximum number of items returned, or {@code null} for all
 * @param filter conditions on the returned items, or {@code null}
 * @param pageSize DynamoDB's {@code Limit} per request, or {@code null} for DynamoDB's 1 MB pages
 * @param startToken a {@link BatchResponse#nextToken()} to resume after, or {@code null}
 * @param consistentRead overrides the repository's consistent-read setting, or {@code null}
 */
public record QueryOptions(
    boolean ascending,
    @Nullable Integer limit,
    @Nullable FilterCommand filter,
    @Nullable Integer pageSize,
    @Nullable String startToken,
    @Nullable Boolean consistentRead) {

  private static final QueryOptions DEFAULTS = new QueryOptions(true, null, null, null, null, null);

  /** Checks the limit and page size. */
  public QueryOptions {
    if (limit != null && limit < 1) {
      throw new InvalidCommandException(
          "limit " + limit + " is not a limit; pass a positive number, or none for all items");
    }
    if (pageSize != null && pageSize < 1) {
      throw new InvalidCommandException(
          "pageSize " + pageSize + " is not a page size; pass a positive number, or none");
    }
  }

  /**
   * The defaults: ascending, no limit, no filter.
   *
   * @return the default options
   */
  public static QueryOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a set of options.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder seeded with these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .ascending(ascending)
        .limit(limit)
        .filter(filter)
        .pageSize(pageSize)
        .startToken(startToken)
        .consistentRead(consistentRead);
  }

  /** Builds {@link QueryOptions}. */
  public static final class Builder {
    private boolean ascending = true;
    private @Nullable Integer limit;
    private @Nullable FilterCommand filter;
    private @Nullable Integer pageSize;
    private @Nullable String startToken;
    private @Nullable Boolean consistentRead;

    private Builder() {}

    /**
     * Sort-key order.
     *
     * @param value true for ascending (the default)
     * @return this builder
     */
    public Builder ascending(boolean value) {
      this.ascending = value;
      return this;
    }

    /**
     * The exact maximum number of items, across pages and filters.
     *
     * @param value a positive number, or {@code null} for all
     * @return this builder
     */
    public Builder limit(@Nullable Integer value) {
      this.limit = value;
      return this;
    }

    /**
     * Conditions on the returned items.
     *
     * @param value the filter, or {@code null}
     * @return this builder
     */
    public Builder filter(@Nullable FilterCommand value) {
      this.filter = value;
      return this;
    }

    /**
     * DynamoDB's {@code Limit} per request: at most this many items are read per page.
     *
     * @param value a positive number, or {@code null}
     * @return this builder
     */
    public Builder pageSize(@Nullable Integer value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Resumes after the page that returned this token.
     *
     * @param value a {@link BatchResponse#nextToken()}, or {@code null} to start at the beginning
     * @return this builder
     */
    public Builder startToken(@Nullable String value) {
      this.startToken = value;
      return this;
    }

    /**
     * Overrides the repository's consistent-read setting for this query.
     *
     * @param value true or false, or {@code null} for the repository's setting
     * @return this builder
     */
    public Builder consistentRead(@Nullable Boolean value) {
      this.consistentRead = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws InvalidCommandException when the limit or page size is not positive
     */
    public QueryOptions build() {
      return new QueryOptions(ascending, limit, filter, pageSize, startToken, consistentRead);
    }
  }
}
