/** Unit tests of the films domain. */
@NullMarked
package io.github.pydanticdynamo.sample.films;

import org.jspecify.annotations.NullMarked;
