/**
 * One class per DynamoDB call, as the Enhanced Client's {@code internal/operations}: {@code
 * PutItemOperation}, {@code GetItemOperation}, {@code UpdateItemOperation}, {@code QueryOperation},
 * {@code BatchWriteItemOperation} and {@code BatchGetItemOperation} (with {@code BatchReads}, the
 * state of one chunk), {@code DeleteItemOperation} (an exact, optionally version-checked delete),
 * {@code ScanOperation} and {@code IndexQueryOperation}. {@code WriteConditions} joins a caller's
 * condition to a put or update and finds which clauses failed after a refusal; {@code
 * IndexKeyUpdate} rewrites the index keys an update changes, in the same UpdateItem. Each builds
 * its requests, makes its call on the sync or the async client and reads the response. {@code
 * ExactWrites} gives the conditional and non-idempotent single-item writes (putIfAbsent,
 * conditional puts, putIfVersion, updates, deleteItem) exact outcomes when a response is lost:
 * write ids, the SDK's retries off and the library's own, the check of the stored item and guarded
 * resends, or {@code WriteOutcomeUnknownException}, on the sync and the async client. The update
 * also says what its failures mean (a missing item, a version conflict, a stored state that needs
 * another rendering). What spans calls (retries, paging, concurrency, reading the stored item after
 * a failed condition) is the drivers'. {@code RepositoryOperations} builds a repository's set once.
 */
@NullMarked
package io.github.pydanticdynamo.internal.operations;

import org.jspecify.annotations.NullMarked;
