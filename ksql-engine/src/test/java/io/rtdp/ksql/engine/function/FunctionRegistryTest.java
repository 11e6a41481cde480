package io.rtdp.ksql.engine.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Triple;
import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
  @UdfDescription(name = "shout", description = "upper-cases and repeats")
  public static class Shout {
    @Udf
    public String shout(@UdfParameter("s") String s) {
      return s == null ? null : s.toUpperCase() + "!";
    }

    @Udf
    public String shout(@UdfParameter("s") String s, @UdfParameter("times") int times) {
      return s.toUpperCase().repeat(times);
    }
  }

  @UdafDescription(name = "longest", description = "the longest string")
  public static final class Longest {
    @UdafFactory(description = "longest non-null string")
    public static Udaf<String, String, Integer> longest() {
      return new Udaf<>() {
        @Override
        public String initialize() {
          return "";
        }

        @Override
        public String aggregate(String s, String acc) {
          return s != null && s.length() > acc.length() ? s : acc;
        }

        @Override
        public String merge(String a, String b) {
          return a.length() >= b.length() ? a : b;
        }

        @Override
        public Integer map(String acc) {
          return acc.length();
        }
      };
    }
  }

  @UdafDescription(name = "scaled_product", description = "sum of b * c * scale over rows with a label")
  public static final class ScaledProduct {
    @UdafFactory(description = "three columns and a literal scale")
    public static Udaf<Triple<String, Integer, Long>, Long, Long> scaledProduct(@UdfParameter("scale") int scale) {
      return new Udaf<>() {
        @Override
        public Long initialize() {
          return 0L;
        }

        @Override
        public Long aggregate(Triple<String, Integer, Long> row, Long acc) {
          return row.first() == null ? acc : acc + row.second() * row.third() * scale;
        }

        @Override
        public Long merge(Long a, Long b) {
          return a + b;
        }

        @Override
        public Long map(Long acc) {
          return acc;
        }
      };
    }
  }

  private static CallArg.Value column(SqlType type) {
    return new CallArg.Value(type, row -> null, false);
  }

  private static CallArg.Value constant(SqlType type, Object v) {
    return new CallArg.Value(type, row -> v, true);
  }

  @Test
  void extensionClassesLoadThroughTheSameAnnotationsAsBuiltIns() {
    FunctionRegistry registry = FunctionRegistry.withBuiltIns();
    registry.load(Shout.class, "test.jar");
    registry.load(Longest.class, "test.jar");

    assertThat(registry.list()).extracting(FunctionInfo::name).contains("SHOUT", "LONGEST", "COUNT", "EXPLODE");
    ScalarFunction shout = registry.scalar("SHOUT").orElseThrow();
    assertThat(shout.info().path()).isEqualTo("test.jar");
    assertThat(shout.resolve(List.of(constant(SqlType.STRING, "hi")), "SHOUT('hi')").evaluator().eval(new Object[0]))
        .isEqualTo("HI!");
    assertThat(shout.resolve(List.of(constant(SqlType.STRING, "ab"), constant(SqlType.INTEGER, 2)), "x")
        .evaluator().eval(new Object[0])).isEqualTo("ABAB");
    // A NULL for a primitive parameter yields NULL without calling the method.
    assertThat(shout.resolve(List.of(constant(SqlType.STRING, "ab"), constant(SqlType.INTEGER, null)), "x")
        .evaluator().eval(new Object[0])).isNull();

    AggregateFunction.ResolvedAggregate longest = registry.aggregate("longest").orElseThrow()
        .resolve(List.of(constant(SqlType.STRING, null)), "LONGEST(S)");
    assertThat(longest.returnType()).isEqualTo(SqlType.INTEGER);
    assertThat(longest.undoable()).isFalse();
    Object acc = longest.udaf().aggregate("abc", longest.udaf().initialize());
    assertThat(longest.udaf().map(longest.udaf().aggregate("a", acc))).isEqualTo(3);
  }

  @Test
  void namesAreGlobalAndOverloadsPreferExactThenWidening() {
    FunctionRegistry registry = FunctionRegistry.withBuiltIns();
    assertThatCode(() -> registry.load(Shout.class, "a.jar")).doesNotThrowAnyException();
    assertThatThrownBy(() -> registry.load(Shout.class, "b.jar"))
        .hasMessageContaining("UdfFactory not compatible with existing factory");

    ScalarFunction abs = registry.scalar("ABS").orElseThrow();
    assertThat(abs.resolve(List.of(constant(SqlType.INTEGER, -3)), "ABS(-3)").returnType()).isEqualTo(SqlType.INTEGER);
    assertThat(abs.resolve(List.of(constant(SqlType.decimal(3, 1), null)), "ABS(x)").returnType())
        .isEqualTo(SqlType.decimal(3, 1));
    assertThat(registry.scalar("GREATEST").orElseThrow().resolve(
        List.of(constant(SqlType.INTEGER, 1), constant(SqlType.BIGINT, 5L)), "GREATEST(1, 5)").returnType())
        .isEqualTo(SqlType.BIGINT);
    assertThatThrownBy(() -> abs.resolve(List.of(constant(SqlType.STRING, "x")), "ABS('x')"))
        .hasMessageStartingWith("Function 'abs' does not accept parameters (STRING).");
  }

  @Test
  void aTupleInputBindsOneColumnArgumentPerComponentBeforeTheLiterals() {
    FunctionRegistry registry = FunctionRegistry.withBuiltIns();
    registry.load(ScaledProduct.class, "test.jar");
    AggregateFunction fn = registry.aggregate("SCALED_PRODUCT").orElseThrow();
    assertThat(fn.signatures()).containsExactly("(STRING, INTEGER, BIGINT, INTEGER)");
    assertThat(fn.description().functions().get(0).arguments()).extracting(FunctionDescription.Argument::name)
        .containsExactly("val1", "val2", "val3", "scale");

    AggregateFunction.ResolvedAggregate r = fn.resolve(List.of(column(SqlType.STRING), column(SqlType.INTEGER),
        column(SqlType.INTEGER), constant(SqlType.INTEGER, 10)), "SCALED_PRODUCT(S, I, J, 10)");
    assertThat(r.columns()).isEqualTo(3);
    assertThat(r.returnType()).isEqualTo(SqlType.BIGINT);
    assertThat(r.input(new Object[] {"a", 2, 3L})).isEqualTo(new Triple<>("a", 2, 3L));
    Object acc = r.udaf().aggregate(r.input(new Object[] {"a", 2, 3L}), r.udaf().initialize());
    acc = r.udaf().aggregate(r.input(new Object[] {null, 5, 5L}), acc);
    assertThat(r.udaf().map(acc)).isEqualTo(60L);

    assertThatThrownBy(() -> fn.resolve(List.of(column(SqlType.STRING), column(SqlType.INTEGER),
        column(SqlType.BIGINT), column(SqlType.INTEGER)), "SCALED_PRODUCT(S, I, J, K)"))
        .hasMessage("Parameter 4 of SCALED_PRODUCT(S, I, J, K) must be a literal");
    assertThatThrownBy(() -> fn.resolve(List.of(column(SqlType.STRING), column(SqlType.INTEGER),
        constant(SqlType.INTEGER, 10)), "SCALED_PRODUCT(S, I, 10)"))
        .hasMessageContaining("does not accept parameters (STRING, INTEGER, INTEGER)");
  }

  @Test
  void sumKeepsTheInputTypeAndCanUndoForTables() {
    AggregateFunction.ResolvedAggregate sum = FunctionRegistry.withBuiltIns().aggregate("SUM").orElseThrow()
        .resolve(List.of(constant(SqlType.decimal(5, 2), null)), "SUM(D)");
    assertThat(sum.returnType()).isEqualTo(SqlType.decimal(5, 2));
    assertThat(sum.undoable()).isTrue();
  }
}
