/**
 * Batch bookkeeping shared by the sync and async drivers: {@code BatchEntry} (one put, delete or
 * read, with what it came from, and the write chunks whose slots are cleared once written so a
 * written chunk can be collected), {@code BatchRetry} (the one retry policy: after each attempt the
 * chunk is done, retried after an exponential, fully jittered backoff, or given up) and {@code
 * ChunkFailure} (what a chunk left undone, reported exactly in an {@code
 * UnprocessedItemsException}, never dropped). No requests are built or sent here.
 */
@NullMarked
package io.github.pydanticdynamo.internal.batch;

import org.jspecify.annotations.NullMarked;
