/** Implementation of pydantic-dynamo; not a public API, it changes without notice. */
@NullMarked
package io.github.pydanticdynamo.internal;

import org.jspecify.annotations.NullMarked;
