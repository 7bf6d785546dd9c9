package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.core.JsonStreamContext;
import org.jspecify.annotations.Nullable;

/** Jackson's stream context for the generator's frames and the parser's cursors. */
abstract class NestedContext<C extends NestedContext<C>> extends JsonStreamContext {
  final @Nullable C parent;
  @Nullable String name;
  @Nullable Object currentValue;

  NestedContext(@Nullable C parent, int type) {
    super(type, -1);
    this.parent = parent;
    this._nestingDepth = parent == null ? 0 : parent._nestingDepth + 1;
  }

  @Override
  public @Nullable C getParent() {
    return parent;
  }

  @Override
  public @Nullable String getCurrentName() {
    return name;
  }

  @Override
  public @Nullable Object getCurrentValue() {
    return currentValue;
  }

  @Override
  public void setCurrentValue(@Nullable Object value) {
    currentValue = value;
  }
}
