/**
 * Paging without I/O. Table queries: {@code QueryPlan} (a validated query, the bounds a
 * continuation token must fall in and what its tokens are bound to), {@code QueryPager} (walks its
 * pages for the sync stream and the async publisher alike and trims to the exact limit) and {@code
 * ContinuationToken} (the position a page hands out: the key to resume after). Index queries and
 * scans, whose positions hold more than a table's two keys, have their own: {@code IndexQueryPlan}
 * and {@code IndexPager} (a page's last key is the index's and the table's keys), {@code ScanPlan}
 * and {@code ScanPager} (one or more segments; a page's token holds every segment's position as of
 * that page), and {@code PageToken} (the positions). Every token is sealed by {@code TokenSealer}
 * (AES-GCM: the position encrypted, what issued it authenticated as associated data, a version
 * byte, URL-safe Base64), so a token reveals no key value and an altered, forged or swapped one is
 * refused before any request; its key is the repository's {@code tokenKey}, else one random key per
 * process.
 */
@NullMarked
package io.github.pydanticdynamo.internal.paging;

import org.jspecify.annotations.NullMarked;
