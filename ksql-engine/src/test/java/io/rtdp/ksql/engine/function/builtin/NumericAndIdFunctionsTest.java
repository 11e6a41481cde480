package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rtdp.ksql.udf.TableUdaf;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericAndIdFunctionsTest {
  @Test
  void atan2TakesYThenX() {
    assertThat(new Atan2().atan2(1.0, 0.0)).isCloseTo(Math.PI / 2, within(1e-12));
    assertThat(new Atan2().atan2(0.0, -1.0)).isCloseTo(Math.PI, within(1e-12));
    assertThat(new Atan2().atan2(null, 1.0)).isNull();
  }

  @Test
  void uuidIsRandomOrReadFromSixteenBytes() {
    assertThat(new Uuid().uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
        .isNotEqualTo(new Uuid().uuid());
    ByteBuffer bytes = ByteBuffer.allocate(16).putLong(0x0123456789abcdefL).putLong(1L).flip();
    assertThat(new Uuid().uuid(bytes)).isEqualTo("01234567-89ab-cdef-0000-000000000001");
    assertThat(bytes.remaining()).isEqualTo(16);
    assertThat(new Uuid().uuid(ByteBuffer.allocate(15))).isNull();
    assertThat(new Uuid().uuid(null)).isNull();
  }

  private static <A> Double run(TableUdaf<Integer, A, Double> udaf, Integer... values) {
    A acc = udaf.initialize();
    for (Integer v : values) {
      acc = udaf.aggregate(v, acc);
    }
    return udaf.map(acc);
  }

  @Test
  void stddevSampReturnsTheVarianceAndStddevSampleItsRoot() {
    // 2, 4, 4, 4, 5, 5, 7, 9: sum of squared deviations 32, sample variance 32 / 7
    Integer[] values = {2, 4, null, 4, 4, 5, 5, 7, 9};
    assertThat(run(StddevSamp.stddevSampInt(), values)).isCloseTo(32.0 / 7, within(1e-12));
    assertThat(run(StddevSample.stddevSampleInt(), values)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(run(StddevSample.stddevSampleInt(), 3)).isEqualTo(0.0);
  }

  @Test
  void spreadUndoAndMergeAreExact() {
    TableUdaf<Long, List<Double>, Double> udaf = StddevSamp.stddevSampLong();
    List<Double> a = udaf.aggregate(1L, udaf.aggregate(3L, udaf.initialize()));
    List<Double> b = udaf.aggregate(100L, udaf.aggregate(5L, udaf.initialize()));
    List<Double> undone = udaf.undo(100L, udaf.merge(a, b));
    assertThat(udaf.map(undone)).isCloseTo(4.0, within(1e-12));
  }

  @Test
  void sumListAddsEveryElementAndCanUndo() {
    TableUdaf<List<Integer>, Integer, Integer> udaf = SumList.sumIntList();
    Integer acc = udaf.aggregate(Arrays.asList(1, null, 2), udaf.initialize());
    acc = udaf.aggregate(null, udaf.aggregate(List.of(10), acc));
    assertThat(udaf.map(acc)).isEqualTo(13);
    assertThat(udaf.map(udaf.undo(List.of(10), acc))).isEqualTo(3);
    TableUdaf<List<Double>, Double, Double> doubles = SumList.sumDoubleList();
    assertThat(doubles.map(doubles.merge(doubles.aggregate(List.of(0.5), doubles.initialize()),
        doubles.aggregate(List.of(1.5, 2.0), doubles.initialize())))).isEqualTo(4.0);
  }
}
