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
  private static final PageToken TOKEN =
      new PageToken(
          "a scan of actor# items in table t, 3 segments in parallel",
          List.of(
              Position.NOT_STARTED,
              Position.at(Map.of("PK", "app#actors#p", "SK", "actor#x%23y")),
              Position.DONE));

  @Test
  void roundTripsEverySegmentsPosition() {
    String encoded = TOKEN.encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(PageToken.decode(encoded, TOKEN.scope(), "scan")).isEqualTo(TOKEN);
  }

  @Test
  void refusesAnotherScopeAnAlteredByteAndATableQueryToken() {
    String encoded = TOKEN.encode();
    byte[] bytes = Base64.getUrlDecoder().decode(encoded);
    bytes[bytes.length / 2] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String tableToken = new ContinuationToken("app#actors#p", "actor#x").encode();

    assertThatThrownBy(() -> PageToken.decode(encoded, "a query of index by-name", "query"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("it belongs to a scan of actor# items")
        .hasMessageContaining("not a query of index by-name");
    assertThatThrownBy(() -> PageToken.decode(altered, TOKEN.scope(), "scan"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> PageToken.decode(tableToken, TOKEN.scope(), "scan"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
    assertThatThrownBy(() -> PageToken.decode("not base64!", TOKEN.scope(), "scan"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("base64");
  }
}
