package io.github.pydanticdynamo;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@code get}: the stored content, or nothing.
 *
 * <pre>{@code
 * repository.get(List.of(), List.of("tom-hanks")).content().map(PartitionedContent::item);
 * }</pre>
 *
 * @param content the stored content, if there is one
 * @param <T> the model type
 */
public record GetResponse<T>(Optional<PartitionedContent<T>> content) {
  /** Rejects a null optional. */
  public GetResponse {
    ContentKey.Ids.requireNonNull(content, "content");
  }

  /**
   * A response holding {@code content}, or an empty one when it is {@code null}.
   *
   * @param content the content or {@code null}
   * @param <T> the model type
   * @return the response
   */
  public static <T> GetResponse<T> of(@Nullable PartitionedContent<T> content) {
    return new GetResponse<>(Optional.ofNullable(content));
  }

  /**
   * A response for a missing item.
   *
   * @param <T> the model type
   * @return the empty response
   */
  public static <T> GetResponse<T> empty() {
    return new GetResponse<>(Optional.empty());
  }
}
