/**
 * The mapping wing: a model (a record or bean) to DynamoDB attributes and back.
 *
 * <p>Not a public API; it changes without notice.
 */
@NullMarked
package io.github.pydanticdynamo.internal.mapping;

import org.jspecify.annotations.NullMarked;
