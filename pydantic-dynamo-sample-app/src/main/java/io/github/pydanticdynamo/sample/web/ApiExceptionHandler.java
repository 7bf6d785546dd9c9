package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.InvalidItemException;
import io.github.pydanticdynamo.ItemNotFoundException;
import io.github.pydanticdynamo.UnprocessedItemsException;
import io.github.pydanticdynamo.VersionConflictException;
import io.github.pydanticdynamo.sample.films.ActorAlreadyExistsException;
import io.github.pydanticdynamo.sample.films.ActorNotFoundException;
import io.github.pydanticdynamo.sample.films.InvalidFilmDataException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with an RFC 9457 problem detail ({@code application/problem+json}). Spring
 * MVC's own exceptions get the base class's problem details (with the field messages added for
 * validation errors); the library's and the domain's exceptions are mapped here; anything else is
 * logged with an incident id and answered with a generic 500 that shows neither its message nor its
 * stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** One message about one field (or parameter) of the request. */
  record FieldMessage(String field, String message) {}

  @ExceptionHandler(ActorNotFoundException.class)
  ProblemDetail actorNotFound(ActorNotFoundException e) {
    ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Actor not found", e.getMessage());
    problem.setProperty("actorId", e.actorId());
    return problem;
  }

  @ExceptionHandler(ItemNotFoundException.class)
  ProblemDetail itemNotFound(ItemNotFoundException e) {
    // The library's message names the table: written for logs, not for clients.
    ProblemDetail problem =
        problem(
            HttpStatus.NOT_FOUND,
            "Not found",
            "nothing is stored under " + e.key().contentIds() + " to update; create it first");
    problem.setProperty("ids", e.key().contentIds());
    return problem;
  }

  @ExceptionHandler(ActorAlreadyExistsException.class)
  ProblemDetail actorExists(ActorAlreadyExistsException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Actor exists", e.getMessage());
    problem.setProperty("actorId", e.actorId());
    return problem;
  }

  @ExceptionHandler(VersionConflictException.class)
  ResponseEntity<ProblemDetail> versionConflict(VersionConflictException e) {
    String stored =
        e.storedVersion().isPresent() ? " is at version " + e.storedVersion().getAsLong() : "";
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "Version conflict",
            "the item"
                + (stored.isEmpty() ? " changed since version " + e.expectedVersion() : stored)
                + ", not "
                + e.expectedVersion()
                + "; read it again and send its current ETag");
    problem.setProperty("expectedVersion", e.expectedVersion());
    HttpHeaders headers = new HttpHeaders();
    if (e.storedVersion().isPresent()) {
      problem.setProperty("storedVersion", e.storedVersion().getAsLong());
      headers.setETag(ActorETags.of(e.storedVersion().getAsLong()));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).headers(headers).body(problem);
  }

  @ExceptionHandler(InvalidCommandException.class)
  ProblemDetail invalidCommand(InvalidCommandException e) {
    // The library checks input before it sends a request; its messages name the bad value.
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(InvalidItemException.class)
  ProblemDetail invalidItem(InvalidItemException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "Invalid item", "the item breaks the model's constraints");
    List<FieldMessage> errors = new ArrayList<>();
    for (String violation : e.violations()) {
      int colon = violation.indexOf(": ");
      errors.add(
          colon < 0
              ? new FieldMessage("", violation)
              : new FieldMessage(violation.substring(0, colon), violation.substring(colon + 2)));
    }
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(InvalidFilmDataException.class)
  ProblemDetail invalidFilmData(InvalidFilmDataException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(UnprocessedItemsException.class)
  ResponseEntity<ProblemDetail> unprocessed(UnprocessedItemsException e) {
    log.warn("DynamoDB left batch work unprocessed after the retries", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Busy",
                "the table is busy and part of the request was not done; send it again"));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, WebRequest request) {
    return internalError(e, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldMessage> errors = new ArrayList<>();
    ex.getBindingResult().getAllErrors().forEach(error -> errors.add(message(error)));
    return validationFailed(ex, errors, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldMessage> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors parameterErrors) {
        // a @Valid @RequestBody: one message per field of the body
        parameterErrors.getAllErrors().forEach(error -> errors.add(message(error)));
      } else {
        String name = String.valueOf(result.getMethodParameter().getParameterName());
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          errors.add(new FieldMessage(name, String.valueOf(error.getDefaultMessage())));
        }
      }
    }
    return validationFailed(ex, errors, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (statusCode.is5xxServerError()) {
      // Spring MVC's own 5xx answers (conversion or response-writing failures) name internals too.
      return super.handleExceptionInternal(
          ex, internalError(ex, request), headers, statusCode, request);
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private @Nullable ResponseEntity<Object> validationFailed(
      Exception ex,
      List<FieldMessage> errors,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    errors.sort(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message));
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            errors.size() == 1
                ? "1 field is invalid: see errors"
                : errors.size() + " fields are invalid: see errors");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  private static FieldMessage message(ObjectError error) {
    String field = error instanceof FieldError fieldError ? fieldError.getField() : "";
    return new FieldMessage(field, String.valueOf(error.getDefaultMessage()));
  }

  private static ProblemDetail internalError(Exception e, WebRequest request) {
    String incident = UUID.randomUUID().toString();
    log.error("Unexpected error (incident {}) on {}", incident, request.getDescription(false), e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal Server Error",
            "the server failed to answer this request; it logged the incident " + incident);
    problem.setProperty("incident", incident);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
