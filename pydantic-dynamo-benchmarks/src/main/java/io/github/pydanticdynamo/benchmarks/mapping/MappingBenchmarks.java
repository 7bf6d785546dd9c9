package io.github.pydanticdynamo.benchmarks.mapping;

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
 * Record → item ({@code toItem*}) and item → record ({@code fromItem*}) for each size and
 * contender. Defaults suit 2 cores: one fork, 5 warm-up iterations (enough for C2 even on a busy
 * machine) and 5 measured iterations of 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MappingBenchmarks {

  /** The item size. */
  @Param({"SMALL", "MEDIUM", "LARGE"})
  public MappingFixture.Size size = MappingFixture.Size.SMALL;

  private MappingFixture<?, ?, ?> fixture = MappingFixture.of(MappingFixture.Size.SMALL);

  /** Builds the size's fixture (schemas and mappers are built once, as applications do). */
  @Setup
  public void setUp() {
    fixture = MappingFixture.of(size);
  }

  /**
   * Ours: ItemMapper.toAttributes.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemOurs() {
    return fixture.oursToAttributes();
  }

  /**
   * Enhanced Client bean schema.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemEnhancedBean() {
    return fixture.beanToAttributes();
  }

  /**
   * Enhanced Client immutable schema.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemEnhancedImmutable() {
    return fixture.immutableToAttributes();
  }

  /**
   * Hand-written AttributeValue code.
   *
   * @return the attributes
   */
  @Benchmark
  public Map<String, AttributeValue> toItemHandWritten() {
    return fixture.handWrittenToAttributes();
  }

  /**
   * Ours: ItemMapper.fromAttributes.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemOurs() {
    return fixture.oursFromAttributes();
  }

  /**
   * Enhanced Client bean schema.
   *
   * @return the bean
   */
  @Benchmark
  public Object fromItemEnhancedBean() {
    return fixture.beanFromAttributes();
  }

  /**
   * Enhanced Client immutable schema.
   *
   * @return the immutable
   */
  @Benchmark
  public Object fromItemEnhancedImmutable() {
    return fixture.immutableFromAttributes();
  }

  /**
   * Hand-written AttributeValue code.
   *
   * @return the record
   */
  @Benchmark
  public Object fromItemHandWritten() {
    return fixture.handWrittenFromAttributes();
  }
}
