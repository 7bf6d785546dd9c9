/**
 * Batches in constant memory, shared by the sync and async drivers: {@code ChunkReader} reads a
 * batch's source one chunk at a time (each entry built when its chunk is read), {@code
 * PublisherChunks} does the same for a reactive-streams publisher (requesting a chunk's worth at a
 * time, only when the writer has room; both are a {@code ChunkSource}), {@code BatchWriter} and
 * {@code AsyncBatchWriter} hold a write batch's control flow (at most {@code concurrency} chunks in
 * flight, a chunk sharing a key with one in flight waits for it, each chunk released once
 * answered), {@code BatchRetry} is the one retry policy (after each attempt the chunk is done,
 * retried after an exponential, fully jittered backoff, or given up) and {@code ChunkFailure}
 * reports what a batch left undone, exactly, in an {@code UnprocessedItemsException} whose message
 * leads with the totals ({@code LaterWrites} leaves out a failed entry whose key a later chunk
 * wrote, and lists each key once). Requests are built by the operations; the writers only call
 * them.
 */
@NullMarked
package io.github.pydanticdynamo.internal.batch;

import org.jspecify.annotations.NullMarked;
