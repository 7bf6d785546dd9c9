package io.github.pydanticdynamo.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.paging.PageToken.Position;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTokenTests {
  private static final TokenSealer SEALER = TokenSealer.processKey();
  private static final String SCOPE = "a scan of actor# items in table t, 3 segments in parallel";
  private static final List<String> BINDING = List.of("scan", SCOPE);
  private static final PageToken TOKEN =
      new PageToken(
          List.of(
              Position.NOT_STARTED,
              Position.at(Map.of("PK", "app#actors#p", "SK", "actor#x%23y")),
              Position.DONE));

  @Test
  void roundTripsEverySegmentsPosition() {
    String encoded = TOKEN.encode(SEALER, BINDING);

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(PageToken.decode(encoded, SEALER, BINDING, "scan", SCOPE)).isEqualTo(TOKEN);
  }

  @Test
  void refusesAnotherScopeAnAlteredByteAndATableQueryToken() {
    String encoded = TOKEN.encode(SEALER, BINDING);
    byte[] bytes = Base64.getUrlDecoder().decode(encoded);
    bytes[bytes.length / 2] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String tableToken =
        new ContinuationToken("app#actors#p", "actor#x")
            .encode(SEALER, QueryPlan.binding("t", "app#actors#p", "actor#", null));

    assertThatThrownBy(
            () ->
                PageToken.decode(
                    encoded,
                    SEALER,
                    List.of("index query", "t", "by-name"),
                    "index query",
                    "this query of index by-name"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("not issued by this query of index by-name");
    assertThatThrownBy(() -> PageToken.decode(altered, SEALER, BINDING, "scan", SCOPE))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("altered");
    assertThatThrownBy(() -> PageToken.decode(tableToken, SEALER, BINDING, "scan", SCOPE))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
    assertThatThrownBy(() -> PageToken.decode("not base64!", SEALER, BINDING, "scan", SCOPE))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("base64");
  }
}
