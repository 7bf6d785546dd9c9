package io.github.pydanticdynamo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Collects every element of a publisher into a list, without blocking. */
public final class PublisherCollector {
  private PublisherCollector() {}

  /** All elements, once the publisher completes. */
  public static <R> CompletableFuture<List<R>> collect(Publisher<R> publisher) {
    CompletableFuture<List<R>> result = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<R>() {
          private final List<R> elements = new ArrayList<>();

          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(R element) {
            elements.add(element);
          }

          @Override
          public void onError(Throwable error) {
            result.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            result.complete(elements);
          }
        });
    return result;
  }
}
