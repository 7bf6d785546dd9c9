package io.github.pydanticdynamo.sample.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class ActorETagsTests {

  @Test
  void aVersionIsAStrongQuotedETag() {
    assertThat(ActorETags.of(3)).isEqualTo("\"3\"");
  }

  @Test
  void ifMatchNamesAVersionQuotedWeakOrBare() {
    assertThat(ActorETags.versionOf("\"3\"")).isEqualTo(3L);
    assertThat(ActorETags.versionOf(" W/\"12\" ")).isEqualTo(12L);
    assertThat(ActorETags.versionOf("7")).isEqualTo(7L);
  }

  @Test
  void noIfMatchOrAStarNamesNoVersion() {
    assertThat(ActorETags.versionOf(null)).isNull();
    assertThat(ActorETags.versionOf("")).isNull();
    assertThat(ActorETags.versionOf("*")).isNull();
  }

  @Test
  void anythingElseIsABadRequest() {
    for (String bad : new String[] {"\"abc\"", "\"0\"", "\"-1\"", "\"1\", \"2\"", "\""}) {
      assertThatThrownBy(() -> ActorETags.versionOf(bad))
          .as(bad)
          .isInstanceOf(ResponseStatusException.class)
          .hasMessageContaining("is not an ETag of an actor");
    }
  }
}
