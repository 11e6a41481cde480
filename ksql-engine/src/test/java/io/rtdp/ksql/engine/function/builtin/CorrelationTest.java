package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rtdp.ksql.engine.function.AggregateFunction;
import io.rtdp.ksql.engine.function.CallArg;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Pair;
import io.rtdp.ksql.udf.TableUdaf;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  private final TableUdaf<Pair<Double, Double>, List<Double>, Double> corr = Correlation.correlationDoubleDouble();

  private List<Double> fold(List<Double> acc, double[][] rows) {
    for (double[] r : rows) {
      acc = corr.aggregate(new Pair<>(r[0], r[1]), acc);
    }
    return acc;
  }

  @Test
  void pearsonCorrelationIgnoringRowsWithANull() {
    List<Double> acc = fold(corr.initialize(), new double[][] {{1.5, 8.0}, {-3.5, -2.0}, {-1.0, -2.0}, {-4.5, -1.0}});
    acc = corr.aggregate(new Pair<>(13.1, null), acc);
    acc = corr.aggregate(new Pair<>(null, -6.0), acc);
    assertThat(corr.map(acc)).isCloseTo(0.7945868838616257, within(1e-12));
  }

  @Test
  void nanWhileUndefined() {
    assertThat(corr.map(corr.initialize())).isNaN();
    assertThat(corr.map(fold(corr.initialize(), new double[][] {{1, 2}}))).isNaN();
    assertThat(corr.map(fold(corr.initialize(), new double[][] {{1, 2}, {1, 5}, {1, 7}}))).isNaN();
    assertThat(corr.map(fold(corr.initialize(), new double[][] {{1, 2}, {3, 6}}))).isEqualTo(1.0);
  }

  @Test
  void undoRemovesARowAndMergeCombinesGroups() {
    double[][] first = {{1, 8}, {-3, -2}, {-1, -2}};
    double[][] second = {{-4, -1}, {3, 11}, {7, 2}};
    List<Double> all = fold(fold(corr.initialize(), first), second);
    List<Double> merged = corr.merge(fold(corr.initialize(), first), fold(corr.initialize(), second));
    assertThat(corr.map(merged)).isCloseTo(corr.map(all), within(1e-12));
    assertThat(corr.merge(corr.initialize(), corr.initialize())).isEqualTo(corr.initialize());

    List<Double> undone = corr.undo(new Pair<>(7.0, 2.0), corr.undo(new Pair<>(3.0, 11.0), all));
    assertThat(corr.map(undone)).isCloseTo(corr.map(fold(corr.initialize(), new double[][] {
        {1, 8}, {-3, -2}, {-1, -2}, {-4, -1}})), within(1e-12));
    assertThat(corr.undo(new Pair<>(null, 1.0), all)).isEqualTo(all);
    assertThat(corr.undo(new Pair<>(1.0, 2.0), fold(corr.initialize(), new double[][] {{1, 2}})))
        .isEqualTo(corr.initialize());
  }

  @Test
  void bindsTwoColumnArgumentsOfEveryNumericCombination() {
    AggregateFunction fn = FunctionRegistry.withBuiltIns().aggregate("CORRELATION").orElseThrow();
    List<SqlType> types = List.of(SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE);
    for (SqlType x : types) {
      for (SqlType y : types) {
        AggregateFunction.ResolvedAggregate r = fn.resolve(List.of(column(x), column(y)), "CORRELATION(X, Y)");
        assertThat(r.returnType()).isEqualTo(SqlType.DOUBLE);
        assertThat(r.undoable()).isTrue();
        assertThat(r.columns()).isEqualTo(2);
        Object acc = r.udaf().aggregate(r.input(new Object[] {1, 2L}), r.udaf().initialize());
        assertThat(r.udaf().map(r.udaf().aggregate(r.input(new Object[] {3, 1L}), acc))).isEqualTo(-1.0);
      }
    }
    assertThat(fn.signatures()).contains("(INTEGER, BIGINT)");
    assertThatThrownBy(() -> fn.resolve(List.of(column(SqlType.STRING),
        column(SqlType.DOUBLE)), "CORRELATION(S, Y)")).hasMessageContaining("does not accept parameters (STRING, DOUBLE)");
    assertThatThrownBy(() -> fn.resolve(List.of(column(SqlType.DOUBLE)),
        "CORRELATION(Y)")).hasMessageContaining("does not accept parameters (DOUBLE)");
  }

  private static CallArg.Value column(SqlType type) {
    return new CallArg.Value(type, row -> null, false);
  }
}
