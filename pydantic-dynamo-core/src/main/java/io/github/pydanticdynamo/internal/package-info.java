/**
 * Implementation of pydantic-dynamo; not a public API, it changes without notice.
 *
 * <p>This package holds what the public API hands off to: the repository builders, and the two
 * drivers, {@code DefaultDynamoRepository} (sync) and {@code DefaultAsyncDynamoRepository} (async),
 * which hold only control flow: sending, paging, retrying and batch concurrency, with a {@code
 * PagePublisher} for the async pages ({@code RepositoryPool} lends the sync batch pool to the
 * write-once puts). Everything they send is built in the sub-packages, where arrows run one way:
 * drivers → {@code operations} (one class per DynamoDB call, with its sync and async call) → {@code
 * paging}, {@code batch}, {@code expressions} → {@code item} (content ⇄ stored item) → the model
 * mapper.
 */
@NullMarked
package io.github.pydanticdynamo.internal;

import org.jspecify.annotations.NullMarked;
