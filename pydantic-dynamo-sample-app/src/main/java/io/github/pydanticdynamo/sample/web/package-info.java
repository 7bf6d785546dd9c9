/**
 * The REST API under {@code /api}: actors (create, read, list, update with optimistic locking
 * through {@code If-Match} and {@code ETag}), their reviews (add, list newest first with a {@code
 * next} token, list a time range, delete), and a write-once bulk import. Errors answer with RFC
 * 9457 problem details; unexpected ones never show their message or stack trace.
 */
@NullMarked
package io.github.pydanticdynamo.sample.web;

import org.jspecify.annotations.NullMarked;
