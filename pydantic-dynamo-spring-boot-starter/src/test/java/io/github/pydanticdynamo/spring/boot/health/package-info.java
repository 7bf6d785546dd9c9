/** Tests of the table health indicator on the local engine. */
@NullMarked
package io.github.pydanticdynamo.spring.boot.health;

import org.jspecify.annotations.NullMarked;
