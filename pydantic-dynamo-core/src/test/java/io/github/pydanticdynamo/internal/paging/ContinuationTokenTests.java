package io.github.pydanticdynamo.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.InvalidCommandException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuationTokenTests {
  private static final TokenSealer SEALER =
      TokenSealer.withKey("AAECAwQFBgcICQoLDA0ODw==", "tokenKey");
  private static final List<String> BINDING =
      QueryPlan.binding("t", "app#actors#tom hanks/é", "review#", null);

  @Test
  void roundTripsAsUrlSafeTextThatShowsNoKeyValue() {
    ContinuationToken token =
        new ContinuationToken("app#actors#tom hanks/é", "review#2024-01-01T00:00:00Z");
    String encoded = token.encode(SEALER, BINDING);
    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(ContinuationToken.decode(encoded, SEALER, BINDING, "this list")).isEqualTo(token);
    assertThat(
            new String(
                java.util.Base64.getUrlDecoder().decode(encoded),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("actors")
        .doesNotContain("review");
  }

  @Test
  void rejectsAnAlteredToken() {
    String encoded = new ContinuationToken("app#actors#a", "review#1").encode(SEALER, BINDING);
    char[] chars = encoded.toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> ContinuationToken.decode(new String(chars), SEALER, BINDING, "x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken")
        .hasMessageContaining("altered")
        .hasMessageContaining("nextToken()");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> ContinuationToken.decode("not a token!", SEALER, BINDING, "x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> ContinuationToken.decode("AwEA", SEALER, BINDING, "x"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void rejectsATokenOfAnotherPartitionOrRange() {
    ContinuationToken token = new ContinuationToken("app#actors#a", "review#5");
    QueryPlan.checkToken(token, "app#actors#a", "review#", null);
    QueryPlan.checkToken(token, "app#actors#a", "review#1", "review#9");
    assertThatThrownBy(() -> QueryPlan.checkToken(token, "app#actors#b", "review#", null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("another partition");
    assertThatThrownBy(() -> QueryPlan.checkToken(token, "app#actors#a", "actor#", null))
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(() -> QueryPlan.checkToken(token, "app#actors#a", "review#6", "review#9"))
        .isInstanceOf(InvalidCommandException.class);

    String encoded = token.encode(SEALER, QueryPlan.binding("t", "app#actors#a", "review#", null));
    for (List<String> other :
        List.of(
            QueryPlan.binding("t", "app#actors#b", "review#", null),
            QueryPlan.binding("t2", "app#actors#a", "review#", null),
            QueryPlan.binding("t", "app#actors#a", "review#5", null),
            QueryPlan.binding("t", "app#actors#a", "review#", "review#9"))) {
      assertThatThrownBy(() -> ContinuationToken.decode(encoded, SEALER, other, "this list"))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("not issued by this list")
          .hasMessageContaining("another partition");
    }
  }
}
