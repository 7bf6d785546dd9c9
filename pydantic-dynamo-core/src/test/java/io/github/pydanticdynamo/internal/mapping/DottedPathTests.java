package io.github.pydanticdynamo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.pydanticdynamo.InvalidCommandException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DottedPathTests {

  @Test
  void aBackslashBeforeADotKeepsTheDotInTheName() {
    assertThat(ModelSchema.split("address.city")).containsExactly("address", "city");
    assertThat(ModelSchema.split("a\\.b")).containsExactly("a.b");
    assertThat(ModelSchema.split("meta.x\\.y.z")).containsExactly("meta", "x.y", "z");
    assertThat(ModelSchema.split("a\\\\.b")).containsExactly("a\\", "b");
    assertThat(ModelSchema.split("a\\b")).containsExactly("a\\b");
    assertThat(ModelSchema.split("a\\")).containsExactly("a\\");
  }

  @Test
  void emptySegmentsAreRefusedWithTheEscapeHint() {
    for (String path : List.of("a..b", ".a", "a.", "a\\..")) {
      assertThatThrownBy(() -> ModelSchema.split(path))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("empty segment")
          .hasMessageContaining("a\\.b");
    }
  }

  @Test
  void dottedPathsEscapeWhatSplitUnescapes() {
    for (List<String> segments :
        List.of(
            List.of("a.b"),
            List.of("meta", "x.y"),
            List.of("a\\", "b"),
            List.of("a\\.b", "c"),
            List.of("plain", "path"))) {
      String dotted =
          new AttributePath(segments, TypeFactory.unknownType(), AttributePath.Kind.ANY).dotted();
      assertThat(ModelSchema.split(dotted)).as(dotted).isEqualTo(segments);
    }
  }
}
