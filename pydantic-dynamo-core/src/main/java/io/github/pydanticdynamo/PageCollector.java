package io.github.pydanticdynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Gathers the contents of a page publisher into one list, one page in flight at a time. */
final class PageCollector<T> implements Subscriber<BatchResponse<T>> {
  private final CompletableFuture<List<PartitionedContent<T>>> result = new CompletableFuture<>();
  private final List<PartitionedContent<T>> contents = new ArrayList<>();
  private final int bound;
  private @Nullable Subscription subscription;

  private PageCollector(int bound) {
    this.bound = bound;
  }

  /** The contents of every page, in page order, once the publisher completes. */
  static <T> CompletableFuture<List<PartitionedContent<T>>> collect(
      Publisher<BatchResponse<T>> pages, int bound) {
    PageCollector<T> collector = new PageCollector<>(bound);
    pages.subscribe(collector);
    return collector.result;
  }

  /** The limit a bounded query gathers: the options' own, which must be set. */
  static int requireLimit(QueryOptions options, String method) {
    Integer limit = options.limit();
    if (limit == null) {
      throw new InvalidCommandException(
          method
              + " gathers results in memory and needs a bound, but the QueryOptions have no limit;"
              + " set QueryOptions.builder().limit(n), or subscribe to the Publisher of the"
              + " matching list method to read every page");
    }
    return limit;
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    // A caller who cancels the future stops the query after the page in flight.
    result.whenComplete((ignored, error) -> s.cancel());
    s.request(1);
  }

  @Override
  public void onNext(BatchResponse<T> page) {
    contents.addAll(page.contents());
    Subscription s = subscription;
    if (contents.size() >= bound) {
      result.complete(List.copyOf(contents.subList(0, bound)));
    } else if (s != null) {
      s.request(1);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(List.copyOf(contents));
  }
}
