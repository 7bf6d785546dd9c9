package io.github.pydanticdynamo.internal.item;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation of items; only loaded when a validator is configured (the API is optional). */
final class BeanValidation {
  private final Validator validator;

  BeanValidation(Object validator) {
    this.validator = (Validator) validator;
  }

  /** One {@code "path: message"} line per violation, sorted for stable messages. */
  List<String> violations(Object item) {
    Set<ConstraintViolation<Object>> violations = validator.validate(item);
    if (violations.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(violations.size());
    for (ConstraintViolation<Object> violation : violations) {
      lines.add(violation.getPropertyPath() + ": " + violation.getMessage());
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }
}
