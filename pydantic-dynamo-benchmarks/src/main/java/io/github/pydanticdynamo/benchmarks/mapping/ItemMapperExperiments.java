package io.github.pydanticdynamo.benchmarks.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.github.pydanticdynamo.benchmarks.model.Fixtures;
import io.github.pydanticdynamo.internal.ItemMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Experiments for changes to {@code ItemMapper}, not part of the comparison: the mapper as built
 * today against the same mapper given an ObjectMapper with Jackson's Blackbird module (generated
 * accessors instead of reflection). Run: {@code java -jar benchmarks.jar ItemMapperExperiments
 * -prof gc}.
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
  private ItemMapper<Object> plain = mapper(record, new ObjectMapper());
  private ItemMapper<Object> blackbird = plain;

  /** Builds both mappers for the size's record type. */
  @Setup
  public void setUp() {
    MappingFixture<?, ?, ?> fixture = MappingFixture.of(size);
    record = fixture.record();
    attributes = fixture.attributes();
    plain = mapper(record, new ObjectMapper());
    blackbird = mapper(record, new ObjectMapper().registerModule(new BlackbirdModule()));
  }

  @SuppressWarnings("unchecked")
  private static ItemMapper<Object> mapper(Object record, ObjectMapper base) {
    return ItemMapper.create((Class<Object>) record.getClass(), base, MappingFixture.RESERVED);
  }

  /**
   * Today's mapper.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemPlain() {
    return plain.toAttributes(record);
  }

  /**
   * With Blackbird.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemBlackbird() {
    return blackbird.toAttributes(record);
  }

  /**
   * Today's mapper.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemPlain() {
    return plain.fromAttributes(attributes);
  }

  /**
   * With Blackbird.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemBlackbird() {
    return blackbird.fromAttributes(attributes);
  }
}
