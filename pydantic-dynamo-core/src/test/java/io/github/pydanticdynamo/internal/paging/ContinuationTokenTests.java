package io.github.pydanticdynamo.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.InvalidCommandException;
import org.junit.jupiter.api.Test;

class ContinuationTokenTests {

  @Test
  void roundTripsAsUrlSafeText() {
    ContinuationToken token =
        new ContinuationToken("app#actors#tom hanks/é", "review#2024-01-01T00:00:00Z");
    String encoded = token.encode();
    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(ContinuationToken.decode(encoded)).isEqualTo(token);
  }

  @Test
  void rejectsAnAlteredToken() {
    String encoded = new ContinuationToken("app#actors#a", "review#1").encode();
    char[] chars = encoded.toCharArray();
    chars[5] = chars[5] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> ContinuationToken.decode(new String(chars)))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken")
        .hasMessageContaining("nextToken()");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> ContinuationToken.decode("not a token!"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> ContinuationToken.decode("AAAA"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void rejectsATokenOfAnotherPartitionOrRange() {
    ContinuationToken token = new ContinuationToken("app#actors#a", "review#5");
    String encoded = token.encode();
    QueryPlan.checkToken(token, encoded, "app#actors#a", "review#", null);
    QueryPlan.checkToken(token, encoded, "app#actors#a", "review#1", "review#9");
    assertThatThrownBy(() -> QueryPlan.checkToken(token, encoded, "app#actors#b", "review#", null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("another partition");
    assertThatThrownBy(() -> QueryPlan.checkToken(token, encoded, "app#actors#a", "actor#", null))
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(
            () -> QueryPlan.checkToken(token, encoded, "app#actors#a", "review#6", "review#9"))
        .isInstanceOf(InvalidCommandException.class);
  }
}
