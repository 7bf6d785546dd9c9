/**
 * Query paging without I/O: {@code QueryPlan} (a validated query and the bounds a continuation
 * token must fall in), {@code QueryPager} (walks its pages for the sync stream and the async
 * publisher alike and trims to the exact limit) and {@code ContinuationToken} (the opaque, URL-safe
 * token a page hands out: the key to resume after, with a checksum so an altered token is rejected
 * rather than resuming somewhere else).
 */
@NullMarked
package io.github.pydanticdynamo.internal.paging;

import org.jspecify.annotations.NullMarked;
