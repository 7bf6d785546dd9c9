/** Unit tests of the web layer's helpers. */
@NullMarked
package io.github.pydanticdynamo.sample.web;

import org.jspecify.annotations.NullMarked;
