package io.github.pydanticdynamo.benchmarks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pydanticdynamo.benchmarks.model.LargeBean;
import io.github.pydanticdynamo.benchmarks.model.LargeImmutable;
import io.github.pydanticdynamo.benchmarks.model.MediumBean;
import io.github.pydanticdynamo.benchmarks.model.MediumImmutable;
import io.github.pydanticdynamo.benchmarks.model.SmallBean;
import io.github.pydanticdynamo.benchmarks.model.SmallImmutable;
import io.github.pydanticdynamo.internal.item.AttributeSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mapping benchmarks compare like with like: every contender writes and reads equal data. */
class MappingFixtureTests {

  @ParameterizedTest
  @EnumSource(MappingFixture.Size.class)
  void everyContenderWritesTheSameAttributes(MappingFixture.Size size) {
    MappingFixture<?, ?, ?> fixture = MappingFixture.of(size);

    assertThat(fixture.oursToAttributes()).isEqualTo(fixture.attributes());
    assertThat(fixture.beanToAttributes()).isEqualTo(fixture.attributes());
    assertThat(fixture.immutableToAttributes()).isEqualTo(fixture.attributes());
    assertThat(fixture.handWrittenToAttributes()).isEqualTo(fixture.attributes());
  }

  @ParameterizedTest
  @EnumSource(MappingFixture.Size.class)
  void everyContenderReadsTheSameRecordBack(MappingFixture.Size size) {
    MappingFixture<?, ?, ?> fixture = MappingFixture.of(size);

    assertThat(fixture.oursFromAttributes()).isEqualTo(fixture.record());
    assertThat(fixture.handWrittenFromAttributes()).isEqualTo(fixture.record());
    assertThat(asRecord(fixture.beanFromAttributes())).isEqualTo(fixture.record());
    assertThat(asRecord(fixture.immutableFromAttributes())).isEqualTo(fixture.record());
  }

  @ParameterizedTest
  @EnumSource(MappingFixture.Size.class)
  void itemsHaveTheAdvertisedSizes(MappingFixture.Size size) {
    long bytes = AttributeSize.itemSize(MappingFixture.of(size).attributes());

    switch (size) {
      case SMALL -> assertThat(bytes).isBetween(20L, 120L);
      case MEDIUM -> assertThat(bytes).isBetween(900L, 1300L);
      case LARGE -> assertThat(bytes).isBetween(45_000L, 60_000L);
    }
  }

  private static Object asRecord(Object contender) {
    if (contender instanceof SmallBean bean) {
      return bean.toItem();
    }
    if (contender instanceof SmallImmutable immutable) {
      return immutable.toItem();
    }
    if (contender instanceof MediumBean bean) {
      return bean.toItem();
    }
    if (contender instanceof MediumImmutable immutable) {
      return immutable.toItem();
    }
    if (contender instanceof LargeBean bean) {
      return bean.toItem();
    }
    if (contender instanceof LargeImmutable immutable) {
      return immutable.toItem();
    }
    throw new AssertionError("unknown contender form " + contender.getClass());
  }
}
