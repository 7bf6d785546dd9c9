/**
 * Paging without I/O. Table queries: {@code QueryPlan} (a validated query and the bounds a
 * continuation token must fall in), {@code QueryPager} (walks its pages for the sync stream and the
 * async publisher alike and trims to the exact limit) and {@code ContinuationToken} (the opaque,
 * URL-safe token a page hands out: the key to resume after, with a checksum so an altered token is
 * rejected rather than resuming somewhere else). Index queries and scans, whose positions hold more
 * than a table's two keys, have their own: {@code IndexQueryPlan} and {@code IndexPager} (a page's
 * last key is the index's and the table's keys), {@code ScanPlan} and {@code ScanPager} (one or
 * more segments; a page's token holds every segment's position as of that page), and {@code
 * PageToken} (the scope a token belongs to, an index or a scan and its segments, and the positions;
 * refused by any other scope, and by table queries).
 */
@NullMarked
package io.github.pydanticdynamo.internal.paging;

import org.jspecify.annotations.NullMarked;
