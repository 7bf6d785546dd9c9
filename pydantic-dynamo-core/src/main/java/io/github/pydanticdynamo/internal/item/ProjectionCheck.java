package io.github.pydanticdynamo.internal.item;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.ClassUtil;
import io.github.pydanticdynamo.InvalidModelException;
import io.github.pydanticdynamo.RepositorySettings;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.mapping.ModelSchema;
import java.util.Arrays;

/** Checks one property of a projection against the entity: it exists there, with a fitting type. */
final class ProjectionCheck {
  private ProjectionCheck() {}

  static void check(
      String name,
      ModelSchema projection,
      ModelSchema entity,
      Class<?> projectionType,
      RepositorySettings settings) {
    String entityName = settings.modelType().getSimpleName();
    AttributePath stored;
    try {
      stored = entity.resolve(name);
    } catch (RuntimeException e) {
      throw new InvalidModelException(
          "projection "
              + projectionType.getSimpleName()
              + " has '"
              + name
              + "', which is not a property of "
              + entityName
              + " (its properties are "
              + entity.topLevelNames()
              + "); a projection reads a subset of the entity's properties",
          e);
    }
    AttributePath wanted = projection.resolve(name);
    if (!fits(wanted.type(), stored.type())) {
      throw new InvalidModelException(
          "projection "
              + projectionType.getSimpleName()
              + " reads '"
              + name
              + "' as "
              + wanted.type().toCanonical()
              + ", but "
              + entityName
              + " stores it as "
              + stored.type().toCanonical()
              + "; declare it with the entity's type (or a supertype with the same type"
              + " arguments)");
    }
  }

  /** The same type (a primitive and its wrapper alike), or a supertype with the same arguments. */
  static boolean fits(JavaType wanted, JavaType stored) {
    JavaType w = boxed(wanted);
    JavaType s = boxed(stored);
    if (w.equals(s)) {
      return true;
    }
    if (!w.getRawClass().isAssignableFrom(s.getRawClass())) {
      return false;
    }
    return Arrays.asList(s.findTypeParameters(w.getRawClass()))
        .equals(w.getBindings().getTypeParameters());
  }

  private static JavaType boxed(JavaType type) {
    return type.isPrimitive()
        ? TypeFactory.defaultInstance().constructType(ClassUtil.wrapperType(type.getRawClass()))
        : type;
  }
}
