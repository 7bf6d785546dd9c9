/** Tests of the auto-configuration, with application context runners and the local engine. */
@NullMarked
package io.github.pydanticdynamo.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
