package io.github.pydanticdynamo.benchmarks.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the item mapper's compiled record plan buys: the mapper as a repository builds it (plain
 * records get a plan) against the same mapper on the Jackson path, which models with Jackson
 * annotations or a customised ObjectMapper take (forced here by a mix-in of an unrelated class,
 * which changes nothing in the items). Both give the same items. Run: {@code java -jar
 * benchmarks.jar ItemMapperExperiments -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ItemMapperExperiments {

  /** The item size. */
  @Param({"SMALL", "MEDIUM", "LARGE"})
  public MappingFixture.Size size = MappingFixture.Size.SMALL;

  private Object record = Fixtures.small(42);
  private Map<String, AttributeValue> attributes = Map.of();
  private ItemMapper<Object> planned = mapper(record, null);
  private ItemMapper<Object> jackson = planned;

  /** A type no model uses: its mix-in only turns the compiled plan off. */
  private static final class Unrelated {}

  /** Builds both mappers for the size's record type. */
  @Setup
  public void setUp() {
    MappingFixture<?, ?, ?> fixture = MappingFixture.of(size);
    record = fixture.record();
    attributes = fixture.attributes();
    planned = mapper(record, null);
    jackson = mapper(record, new ObjectMapper().addMixIn(Unrelated.class, Object.class));
    if (planned.noPlanReason() != null || jackson.noPlanReason() == null) {
      throw new IllegalStateException("the mappers are not the two paths");
    }
    if (!planned.toAttributes(record).equals(jackson.toAttributes(record))) {
      throw new IllegalStateException("the two paths write different items");
    }
  }

  @SuppressWarnings("unchecked")
  private static ItemMapper<Object> mapper(Object record, @Nullable ObjectMapper base) {
    return ItemMapper.create((Class<Object>) record.getClass(), base, MappingFixture.RESERVED);
  }

  /**
   * The compiled plan.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemPlan() {
    return planned.toAttributes(record);
  }

  /**
   * The Jackson path.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemJackson() {
    return jackson.toAttributes(record);
  }

  /**
   * The compiled plan.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemPlan() {
    return planned.fromAttributes(attributes);
  }

  /**
   * The Jackson path.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemJackson() {
    return jackson.fromAttributes(attributes);
  }
}
