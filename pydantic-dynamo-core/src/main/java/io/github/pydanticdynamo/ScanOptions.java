package io.github.pydanticdynamo;

import org.jspecify.annotations.Nullable;

/**
 * How a {@code scan} runs: every item of the repository's type in its table, read in DynamoDB's
 * scan order (not key order), optionally split into parallel segments.
 *
 * <pre>{@code
 * // an export: 8 segments, at most 4 requests in flight, 100 items per request
 * ScanOptions export = ScanOptions.builder().parallel(8).maxConcurrency(4).pageSize(100).build();
 * actors.scan(export).forEach(page -> write(page.items()));
 *
 * // one worker of 8, resumable from its last page's token
 * ScanOptions mine = ScanOptions.builder().segment(3, 8).startToken(saved).build();
 * }</pre>
 *
 * @param limit the exact maximum number of items returned, or {@code null} for all
 * @param filter conditions on the returned items, or {@code null}
 * @param pageSize DynamoDB's {@code Limit} per request (items read, before any filter), or {@code
 *     null} for DynamoDB's 1 MB pages
 * @param startToken a {@link BatchResponse#nextToken()} of the same scan to resume after, or {@code
 *     null}
 * @param consistentRead overrides the repository's consistent-read setting, or {@code null}
 * @param totalSegments how many segments the table is split into (1 for a sequential scan)
 * @param segment the one segment to read, or {@code null} to read all of them
 * @param maxConcurrency how many segments are read at once when all are read, or {@code null} for
 *     the smaller of {@code totalSegments} and {@link BatchSettings#concurrency()}
 */
public record ScanOptions(
    @Nullable Integer limit,
    @Nullable FilterCommand filter,
    @Nullable Integer pageSize,
    @Nullable String startToken,
    @Nullable Boolean consistentRead,
    int totalSegments,
    @Nullable Integer segment,
    @Nullable Integer maxConcurrency) {

  /** DynamoDB's largest number of scan segments. */
  public static final int MAX_SEGMENTS = 1_000_000;

  private static final ScanOptions DEFAULTS =
      new ScanOptions(null, null, null, null, null, 1, null, null);

  /** Checks the numbers. */
  public ScanOptions {
    if (limit != null && limit < 1) {
      throw new InvalidCommandException(
          "limit " + limit + " is not a limit; pass a positive number, or none for all items");
    }
    if (pageSize != null && pageSize < 1) {
      throw new InvalidCommandException(
          "pageSize " + pageSize + " is not a page size; pass a positive number, or none");
    }
    if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
      throw new InvalidCommandException(
          "totalSegments "
              + totalSegments
              + " is out of range; DynamoDB splits a scan into 1 to "
              + MAX_SEGMENTS
              + " segments");
    }
    if (segment != null && (segment < 0 || segment >= totalSegments)) {
      throw new InvalidCommandException(
          "segment "
              + segment
              + " is not a segment of "
              + totalSegments
              + "; segments are numbered 0 to "
              + (totalSegments - 1));
    }
    if (maxConcurrency != null && maxConcurrency < 1) {
      throw new InvalidCommandException(
          "maxConcurrency " + maxConcurrency + " is not a concurrency; pass a positive number");
    }
  }

  /**
   * The defaults: one sequential scan of every item, no limit, no filter.
   *
   * @return the default options
   */
  public static ScanOptions defaults() {
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

  /** Builds {@link ScanOptions}. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable FilterCommand filter;
    private @Nullable Integer pageSize;
    private @Nullable String startToken;
    private @Nullable Boolean consistentRead;
    private int totalSegments = 1;
    private @Nullable Integer segment;
    private @Nullable Integer maxConcurrency;

    private Builder() {}

    /**
     * The exact maximum number of items, across pages, segments and filters.
     *
     * @param value a positive number, or {@code null} for all
     * @return this builder
     */
    public Builder limit(@Nullable Integer value) {
      this.limit = value;
      return this;
    }

    /**
     * Conditions on the returned items (the same vocabulary as queries).
     *
     * @param value the filter, or {@code null}
     * @return this builder
     */
    public Builder filter(@Nullable FilterCommand value) {
      this.filter = value;
      return this;
    }

    /**
     * DynamoDB's {@code Limit} per request: at most this many items are read (before filtering) per
     * page.
     *
     * @param value a positive number, or {@code null}
     * @return this builder
     */
    public Builder pageSize(@Nullable Integer value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Resumes after the page that returned this token (a token of the same scan: the same
     * segments).
     *
     * @param value a {@link BatchResponse#nextToken()}, or {@code null} to start at the beginning
     * @return this builder
     */
    public Builder startToken(@Nullable String value) {
      this.startToken = value;
      return this;
    }

    /**
     * Overrides the repository's consistent-read setting for this scan.
     *
     * @param value true or false, or {@code null} for the repository's setting
     * @return this builder
     */
    public Builder consistentRead(@Nullable Boolean value) {
      this.consistentRead = value;
      return this;
    }

    /**
     * Reads all {@code totalSegments} segments in this process, several at once (see {@link
     * #maxConcurrency(Integer)}); pages arrive as segments answer. Each page's token resumes the
     * whole parallel scan.
     *
     * @param totalSegments the number of segments, 1 to {@value ScanOptions#MAX_SEGMENTS}
     * @return this builder
     */
    public Builder parallel(int totalSegments) {
      this.totalSegments = totalSegments;
      this.segment = null;
      return this;
    }

    /**
     * Reads only segment {@code segment} of {@code totalSegments}, for scans split across workers:
     * each worker reads its own segment, and together they read every item once.
     *
     * @param segment the segment, 0 to {@code totalSegments - 1}
     * @param totalSegments the number of segments
     * @return this builder
     */
    public Builder segment(int segment, int totalSegments) {
      this.segment = segment;
      this.totalSegments = totalSegments;
      return this;
    }

    /**
     * How many segments of a parallel scan are read at once (and so how many pages may be read
     * ahead of the consumer).
     *
     * @param value a positive number, or {@code null} for the default
     * @return this builder
     */
    public Builder maxConcurrency(@Nullable Integer value) {
      this.maxConcurrency = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws InvalidCommandException when a number is out of range
     */
    public ScanOptions build() {
      return new ScanOptions(
          limit,
          filter,
          pageSize,
          startToken,
          consistentRead,
          totalSegments,
          segment,
          maxConcurrency);
    }
  }
}
