/** Tests of the observed repositories. */
@NullMarked
package io.github.pydanticdynamo.spring.boot.observation;

import org.jspecify.annotations.NullMarked;
