package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** How the async repository's {@code collect…} methods gather pages: one at a time, bounded. */
class PageCollectorTests {

  /** Emits its pages only on request, and records what it was asked for. */
  private static final class ScriptedPages implements Publisher<BatchResponse<String>> {
    private final List<BatchResponse<String>> pages;
    private final @Nullable RuntimeException failure;
    private final List<Long> requests = new ArrayList<>();
    private boolean cancelled;
    private int sent;

    ScriptedPages(List<BatchResponse<String>> pages, @Nullable RuntimeException failure) {
      this.pages = pages;
      this.failure = failure;
    }

    @Override
    public void subscribe(Subscriber<? super BatchResponse<String>> subscriber) {
      subscriber.onSubscribe(
          new Subscription() {
            @Override
            public void request(long n) {
              requests.add(n);
              if (cancelled) {
                return;
              }
              if (sent < pages.size()) {
                subscriber.onNext(pages.get(sent++));
              } else if (failure != null) {
                subscriber.onError(failure);
              } else {
                subscriber.onComplete();
              }
            }

            @Override
            public void cancel() {
              cancelled = true;
            }
          });
    }
  }

  private static BatchResponse<String> page(String... items) {
    List<PartitionedContent<String>> contents = new ArrayList<>();
    for (String item : items) {
      contents.add(PartitionedContent.of(List.of("p"), List.of(item), item));
    }
    return BatchResponse.of(contents, null);
  }

  private static List<String> items(CompletableFuture<List<PartitionedContent<String>>> future) {
    return future.join().stream().map(PartitionedContent::item).toList();
  }

  @Test
  void gathersEveryPageInOrderAskingForOnePageAtATime() {
    ScriptedPages pages = new ScriptedPages(List.of(page("a", "b"), page(), page("c")), null);
    assertThat(items(PageCollector.collect(pages, 10))).containsExactly("a", "b", "c");
    assertThat(pages.requests).containsOnly(1L).hasSize(4);
  }

  @Test
  void stopsAndCancelsOnceTheBoundIsReached() {
    ScriptedPages pages =
        new ScriptedPages(List.of(page("a", "b"), page("c", "d"), page("e")), null);
    assertThat(items(PageCollector.collect(pages, 3))).containsExactly("a", "b", "c");
    assertThat(pages.requests).hasSize(2);
    assertThat(pages.cancelled).isTrue();
  }

  @Test
  void failsWithThePublishersError() {
    IllegalStateException boom = new IllegalStateException("engine gone");
    ScriptedPages pages = new ScriptedPages(List.of(page("a")), boom);
    assertThatThrownBy(() -> PageCollector.collect(pages, 10).join())
        .isInstanceOf(CompletionException.class)
        .hasCause(boom);
  }

  @Test
  void cancellingTheFutureCancelsTheSubscription() {
    List<Subscription> subscriptions = new ArrayList<>();
    boolean[] cancelled = {false};
    Publisher<BatchResponse<String>> silent =
        subscriber -> {
          Subscription subscription =
              new Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {
                  cancelled[0] = true;
                }
              };
          subscriptions.add(subscription);
          subscriber.onSubscribe(subscription);
        };
    CompletableFuture<List<PartitionedContent<String>>> future = PageCollector.collect(silent, 5);
    assertThat(future.cancel(true)).isTrue();
    assertThat(subscriptions).hasSize(1);
    assertThat(cancelled[0]).isTrue();
  }

  @Test
  void optionsWithoutALimitAreRefusedWithTheFix() {
    assertThatThrownBy(() -> PageCollector.requireLimit(QueryOptions.defaults(), "collectList"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("collectList")
        .hasMessageContaining("limit(n)");
    assertThat(PageCollector.requireLimit(QueryOptions.builder().limit(7).build(), "collectList"))
        .isEqualTo(7);
  }
}
