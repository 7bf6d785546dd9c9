package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.BatchSettings;
import io.github.pydanticdynamo.ContentKey;
import io.github.pydanticdynamo.WriteOutcomeUnknownException;
import io.github.pydanticdynamo.internal.batch.BatchRetry;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Exact outcomes of single-item writes whose response may be lost. A conditional or non-idempotent
 * write carries a write id ({@code _write_id}, a kind letter and 128 random bits) and is sent with
 * the SDK's retries off; the library retries it itself. After an attempt whose outcome is unknown
 * it reads the item (consistently) and decides: its write id is stored, so the write landed; or the
 * item is as the write required and may be written again under a guard that it is still exactly as
 * read; or the outcome cannot be known, which is thrown as {@link WriteOutcomeUnknownException}.
 */
public final class ExactWrites {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

  /** Turns the SDK's own retries off for one request: the library decides about resending. */
  private static final SdkPlugin NO_SDK_RETRIES =
      config ->
          config.overrideConfiguration(
              config.overrideConfiguration().toBuilder()
                  .retryStrategy(AwsRetryStrategy.doNotRetry())
                  .build());

  private static final AwsRequestOverrideConfiguration NO_RETRIES =
      AwsRequestOverrideConfiguration.builder().addPlugin(NO_SDK_RETRIES).build();

  private ExactWrites() {}

  /** The kind of a write, the first letter of its id. */
  public enum Kind {
    /** A create (putIfAbsent). */
    CREATE('c'),
    /** A conditional replace (a conditional put, putIfVersion). */
    REPLACE('r'),
    /** An update. */
    UPDATE('u');

    private final char letter;

    Kind(char letter) {
      this.letter = letter;
    }
  }

  /** A fresh write id: the kind's letter and 128 random bits, base64url. */
  public static String newWriteId(Kind kind) {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return kind.letter + IDS.encodeToString(bits);
  }

  /** The write id stored on an item, or null. */
  public static @Nullable String writeIdOf(@Nullable Map<String, AttributeValue> item) {
    AttributeValue id = item == null ? null : item.get(ItemCodec.WRITE_ID);
    return id == null ? null : id.s();
  }

  /** The request with the SDK's retries turned off. */
  @SuppressWarnings("unchecked")
  public static <Q extends DynamoDbRequest> Q withoutSdkRetries(Q request) {
    return (Q) request.toBuilder().overrideConfiguration(NO_RETRIES).build();
  }

  /** How an attempt failed. */
  enum Failure {
    /** The write's condition (or the guard of a resend) did not hold: nothing was written. */
    CONDITION,
    /** Refused before it was applied (throttling, no connection): safe to send again. */
    NOT_APPLIED,
    /** May or may not have been applied (lost response, timeout, 5xx). */
    UNKNOWN,
    /** A failure no retry helps (bad request, missing table): thrown as it is. */
    FINAL
  }

  static Failure classify(Throwable error) {
    Throwable e = BatchRetry.unwrap(error);
    if (e instanceof ConditionalCheckFailedException) {
      return Failure.CONDITION;
    }
    if (e instanceof AwsServiceException service) {
      if (service.isThrottlingException()) {
        return Failure.NOT_APPLIED;
      }
      return service.statusCode() >= 500 ? Failure.UNKNOWN : Failure.FINAL;
    }
    if (e instanceof SdkClientException || e instanceof IOException) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof ConnectException
            || c instanceof UnknownHostException
            || c instanceof NoRouteToHostException) {
          return Failure.NOT_APPLIED; // no connection: the request never left
        }
        if (c.getCause() == c) {
          break;
        }
      }
      return Failure.UNKNOWN;
    }
    return Failure.FINAL;
  }

  /** The backoff before attempt {@code state.attempts + 1}: the repository's retry policy. */
  private static Duration backoff(State state) {
    return BatchRetry.delay(state.retry, state.attempts);
  }

  /** An extra condition: the stored item is still exactly as read (or still absent). */
  public record Guard(
      String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /** The guard for a stored state (null: no item). */
    static Guard of(@Nullable Map<String, AttributeValue> stored, String partitionKey) {
      Map<String, String> names = new HashMap<>(8);
      Map<String, AttributeValue> values = new HashMap<>(4);
      names.put("#owk", partitionKey);
      if (stored == null || stored.isEmpty()) {
        return new Guard("attribute_not_exists(#owk)", names, values);
      }
      StringBuilder expression = new StringBuilder("attribute_exists(#owk)");
      fingerprint(stored, "w", ItemCodec.WRITE_ID, expression, names, values);
      fingerprint(stored, "v", ItemCodec.VERSION, expression, names, values);
      fingerprint(stored, "t", ItemCodec.TIMESTAMP, expression, names, values);
      return new Guard(expression.toString(), names, values);
    }

    private static void fingerprint(
        Map<String, AttributeValue> stored,
        String suffix,
        String attribute,
        StringBuilder expression,
        Map<String, String> names,
        Map<String, AttributeValue> values) {
      String name = "#ow" + suffix;
      names.put(name, attribute);
      AttributeValue value = stored.get(attribute);
      if (value == null) {
        expression.append(" AND attribute_not_exists(").append(name).append(')');
      } else {
        String placeholder = ":ow" + suffix;
        values.put(placeholder, value);
        expression.append(" AND ").append(name).append(" = ").append(placeholder);
      }
    }

    /**
     * A request's condition, names and values with the guard joined; values stay null (unset on the
     * request) when there are none at all.
     */
    Joined join(
        @Nullable String condition,
        @Nullable Map<String, String> requestNames,
        @Nullable Map<String, AttributeValue> requestValues) {
      Map<String, String> allNames = new HashMap<>(names);
      if (requestNames != null) {
        allNames.putAll(requestNames);
      }
      Map<String, AttributeValue> allValues = new HashMap<>(values);
      if (requestValues != null) {
        allValues.putAll(requestValues);
      }
      return new Joined(
          condition == null || condition.isBlank()
              ? expression
              : "(" + condition + ") AND " + expression,
          allNames,
          allValues.isEmpty() ? null : allValues);
    }
  }

  /** A request's condition with a guard joined, and the names and values it needs. */
  record Joined(
      String condition, Map<String, String> names, @Nullable Map<String, AttributeValue> values) {}

  /** A put with a guard joined to its condition. */
  public static PutItemRequest guard(PutItemRequest request, Guard guard) {
    Joined joined =
        guard.join(
            request.conditionExpression(),
            request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
            request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
    return request.toBuilder()
        .conditionExpression(joined.condition())
        .expressionAttributeNames(joined.names())
        .expressionAttributeValues(joined.values())
        .build();
  }

  /** An update with a guard joined to its condition. */
  public static UpdateItemRequest guard(UpdateItemRequest request, Guard guard) {
    Joined joined =
        guard.join(
            request.conditionExpression(),
            request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
            request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
    return request.toBuilder()
        .conditionExpression(joined.condition())
        .expressionAttributeNames(joined.names())
        .expressionAttributeValues(joined.values())
        .build();
  }

  /** A delete with a guard joined to its condition. */
  public static DeleteItemRequest guard(DeleteItemRequest request, Guard guard) {
    Joined joined =
        guard.join(
            request.conditionExpression(),
            request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
            request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
    return request.toBuilder()
        .conditionExpression(joined.condition())
        .expressionAttributeNames(joined.names())
        .expressionAttributeValues(joined.values())
        .build();
  }

  /** Whether two stored states are the same write (same write id, version and timestamp). */
  static boolean sameState(
      @Nullable Map<String, AttributeValue> a, @Nullable Map<String, AttributeValue> b) {
    boolean aAbsent = a == null || a.isEmpty();
    boolean bAbsent = b == null || b.isEmpty();
    if (aAbsent || bAbsent) {
      return aAbsent && bAbsent;
    }
    return Objects.equals(a.get(ItemCodec.WRITE_ID), b.get(ItemCodec.WRITE_ID))
        && Objects.equals(a.get(ItemCodec.VERSION), b.get(ItemCodec.VERSION))
        && Objects.equals(a.get(ItemCodec.TIMESTAMP), b.get(ItemCodec.TIMESTAMP));
  }

  /**
   * One write with an exact outcome.
   *
   * @param operation the repository call, for messages
   * @param writeId the write id the request carries, or null (a delete)
   * @param resendable whether the write may be sent again over a state it was not applied to (not a
   *     blind increment or append: one already applied and then covered by another write cannot be
   *     told from one never applied)
   * @param resendWhenAbsent whether a missing item is a state to resend over (not for a delete,
   *     which cannot tell "already deleted by me" from "never there")
   * @param guarded the request with a guard joined to its condition
   * @param answer the call's answer from a response
   * @param landed the call's answer from the stored item carrying the write id
   */
  public record Write<Q extends DynamoDbRequest, R, A>(
      String operation,
      ContentKey key,
      Map<String, AttributeValue> rawKey,
      String partitionKey,
      @Nullable String writeId,
      boolean resendable,
      boolean resendWhenAbsent,
      Q request,
      BiFunction<Q, Guard, Q> guarded,
      Function<R, A> answer,
      Function<Map<String, AttributeValue>, A> landed) {}

  /** Where a write stands after an attempt or a check. */
  private static final class State {
    final BatchSettings retry;
    int attempts;
    boolean uncertain;
    @Nullable Throwable lastUnknown;
    @Nullable Map<String, AttributeValue> guardedOn;
    boolean guardedResend;

    State(BatchSettings retry) {
      this.retry = retry;
    }
  }

  /** What to do after a check read. */
  private sealed interface Next<Q, A> {}

  private record Landed<Q, A>(A answer) implements Next<Q, A> {}

  private record Resend<Q, A>(Q request) implements Next<Q, A> {}

  /** The decision after a read of the stored item following an uncertain attempt. */
  private static <Q extends DynamoDbRequest, R, A> Next<Q, A> decide(
      Write<Q, R, A> write,
      State state,
      @Nullable Map<String, AttributeValue> stored,
      boolean conditionFailed) {
    boolean absent = stored == null || stored.isEmpty();
    if (write.writeId() != null && !absent && write.writeId().equals(writeIdOf(stored))) {
      return new Landed<>(write.landed().apply(stored));
    }
    if (!write.resendable()) {
      throw unknown(
          write,
          state,
          absent
              ? "the item is not stored now"
              : "the item does not carry this write's id, and the write is not idempotent (a"
                  + " blind increment, append or add: applied and then covered by another write"
                  + " looks the same as never applied), so it is not sent again");
    }
    if (absent && !write.resendWhenAbsent()) {
      throw unknown(
          write,
          state,
          "the item is not stored now: either this call deleted it (and its old content went"
              + " with the lost response) or it was already gone");
    }
    if (conditionFailed && state.guardedResend && sameState(state.guardedOn, stored)) {
      throw unknown(
          write,
          state,
          "the stored item does not meet the write's condition, and it does not carry this"
              + " write's id: either the condition failed, or this write was applied and another"
              + " writer changed the item after it");
    }
    state.guardedOn = stored;
    state.guardedResend = true;
    Q resend =
        withoutSdkRetries(
            write.guarded().apply(write.request(), Guard.of(stored, write.partitionKey())));
    return new Resend<>(resend);
  }

  private static WriteOutcomeUnknownException unknown(
      Write<?, ?, ?> write, State state, String why) {
    return new WriteOutcomeUnknownException(
        write.key(),
        write.operation(),
        write.writeId(),
        "the outcome of "
            + write.operation()
            + " on item "
            + write.key()
            + " is unknown after a lost response ("
            + state.attempts
            + " attempts): "
            + why
            + "; read the item"
            + (write.writeId() == null
                ? ""
                : " (it was written by this call if its _write_id is " + write.writeId() + ")")
            + " and decide whether to write again",
        state.lastUnknown);
  }

  private static WriteOutcomeUnknownException gaveUp(Write<?, ?, ?> write, State state) {
    return unknown(write, state, "the write and the reads that check it kept failing");
  }

  // ---- sync ----

  /**
   * Runs a write with the sync client. A condition failure of the first attempt (before any
   * uncertainty) is thrown as the SDK's {@link ConditionalCheckFailedException}, for the caller's
   * usual explanation; everything else is decided here.
   */
  public static <Q extends DynamoDbRequest, R, A> A run(
      Write<Q, R, A> write,
      BatchSettings retry,
      Function<Q, R> send,
      Function<Map<String, AttributeValue>, @Nullable Map<String, AttributeValue>> read) {
    State state = new State(retry);
    Q request = withoutSdkRetries(write.request());
    while (true) {
      state.attempts++;
      RuntimeException error;
      try {
        return write.answer().apply(send.apply(request));
      } catch (RuntimeException e) {
        error = e;
      }
      Failure failure = afterFailure(write, state, error);
      if (failure == Failure.NOT_APPLIED && !state.uncertain) {
        sleep(write, state, backoff(state));
        continue;
      }
      Next<Q, A> next = check(write, state, read, failure == Failure.CONDITION);
      if (next instanceof Landed<Q, A> landed) {
        return landed.answer();
      }
      request = ((Resend<Q, A>) next).request();
    }
  }

  /**
   * Classifies a failed attempt and throws what is final: the first attempts' condition failure or
   * bad request as they are, exhausted retries, a final failure after uncertainty as unknown.
   */
  private static Failure afterFailure(Write<?, ?, ?> write, State state, Throwable error) {
    Failure failure = classify(error);
    if (!state.uncertain) {
      if (failure == Failure.CONDITION || failure == Failure.FINAL) {
        throw sneaky(error);
      }
      if (failure == Failure.NOT_APPLIED) {
        if (state.attempts >= state.retry.maxAttempts()) {
          throw sneaky(error);
        }
        return failure;
      }
    } else if (failure == Failure.FINAL) {
      state.lastUnknown = error;
      throw unknown(
          write, state, "a later attempt failed with " + error.getClass().getSimpleName());
    }
    if (failure == Failure.UNKNOWN) {
      state.lastUnknown = BatchRetry.unwrap(error);
    }
    state.uncertain = true;
    return failure;
  }

  private static RuntimeException sneaky(Throwable error) {
    Throwable e = BatchRetry.unwrap(error);
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }

  /** Reads the item until it can decide whether the write landed or may be sent again. */
  private static <Q extends DynamoDbRequest, R, A> Next<Q, A> check(
      Write<Q, R, A> write,
      State state,
      Function<Map<String, AttributeValue>, @Nullable Map<String, AttributeValue>> read,
      boolean conditionFailed) {
    while (true) {
      if (state.attempts >= state.retry.maxAttempts()) {
        throw gaveUp(write, state);
      }
      sleep(write, state, backoff(state));
      Map<String, AttributeValue> stored;
      try {
        stored = read.apply(write.rawKey());
      } catch (RuntimeException e) {
        state.attempts++;
        if (classify(e) == Failure.FINAL) {
          state.lastUnknown = e;
          throw gaveUp(write, state);
        }
        continue;
      }
      return decide(write, state, stored, conditionFailed);
    }
  }

  private static void sleep(Write<?, ?, ?> write, State state, Duration delay) {
    if (BatchRetry.sleep(delay)) {
      return;
    }
    InterruptedException e = new InterruptedException("interrupted during backoff");
    if (state.uncertain) {
      state.lastUnknown = e;
      throw unknown(write, state, "interrupted while checking");
    }
    throw new IllegalStateException("interrupted while retrying " + write.operation(), e);
  }

  // ---- async ----

  /** Runs a write with the async client; the same rules as {@link #run}. */
  public static <Q extends DynamoDbRequest, R, A> CompletableFuture<A> runAsync(
      Write<Q, R, A> write,
      BatchSettings retry,
      Function<Q, CompletableFuture<R>> send,
      Function<
              Map<String, AttributeValue>, CompletableFuture<@Nullable Map<String, AttributeValue>>>
          read) {
    return attemptAsync(write, new State(retry), withoutSdkRetries(write.request()), send, read);
  }

  private static <Q extends DynamoDbRequest, R, A> CompletableFuture<A> attemptAsync(
      Write<Q, R, A> write,
      State state,
      Q request,
      Function<Q, CompletableFuture<R>> send,
      Function<
              Map<String, AttributeValue>, CompletableFuture<@Nullable Map<String, AttributeValue>>>
          read) {
    state.attempts++;
    CompletableFuture<R> sent;
    try {
      sent = send.apply(request);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
            (response, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(write.answer().apply(response));
              }
              Failure failure = afterFailure(write, state, error);
              if (failure == Failure.NOT_APPLIED && !state.uncertain) {
                return BatchRetry.after(
                    backoff(state), () -> attemptAsync(write, state, request, send, read));
              }
              return checkAsync(write, state, read, failure == Failure.CONDITION)
                  .thenCompose(
                      next ->
                          next instanceof Landed<Q, A> landed
                              ? CompletableFuture.completedFuture(landed.answer())
                              : attemptAsync(
                                  write, state, ((Resend<Q, A>) next).request(), send, read));
            })
        .thenCompose(Function.identity());
  }

  private static <Q extends DynamoDbRequest, R, A> CompletableFuture<Next<Q, A>> checkAsync(
      Write<Q, R, A> write,
      State state,
      Function<
              Map<String, AttributeValue>, CompletableFuture<@Nullable Map<String, AttributeValue>>>
          read,
      boolean conditionFailed) {
    if (state.attempts >= state.retry.maxAttempts()) {
      return CompletableFuture.failedFuture(gaveUp(write, state));
    }
    return BatchRetry.after(backoff(state), () -> read.apply(write.rawKey()))
        .handle(
            (stored, error) -> {
              if (error != null) {
                state.attempts++;
                if (classify(error) == Failure.FINAL) {
                  state.lastUnknown = BatchRetry.unwrap(error);
                  return CompletableFuture.<Next<Q, A>>failedFuture(gaveUp(write, state));
                }
                return checkAsync(write, state, read, conditionFailed);
              }
              return CompletableFuture.completedFuture(
                  decide(write, state, stored, conditionFailed));
            })
        .thenCompose(Function.identity());
  }
}
