package io.rtdp.ksql.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltIns();
  private final RowLayout layout = new RowLayout();

  ExpressionCompilerTest() {
    layout.add("S", "I", SqlType.INTEGER);
    layout.add("S", "D", SqlType.decimal(4, 2));
    layout.add("S", "NAME", SqlType.STRING);
    layout.add("S", "ARR", SqlType.array(SqlType.BIGINT));
  }

  private Compiled compile(String text) {
    return new ExpressionCompiler(FUNCTIONS, layout, "SELECT").compile(new StatementParser().parseExpression(text));
  }

  @Test
  void comparisonsWithNullAreFalseAndArithmeticOnNullIsNull() {
    Object[] row = {null, null, "x", null};
    assertThat(compile("I = 1").eval(row)).isEqualTo(false);
    assertThat(compile("NOT (I = 1)").eval(row)).isEqualTo(true);
    assertThat(compile("I + 1").eval(row)).isNull();
    assertThat(compile("I IS NULL").eval(row)).isEqualTo(true);
    assertThat(compile("I IS DISTINCT FROM 1").eval(row)).isEqualTo(true);
  }

  @Test
  void decimalArithmeticFollowsPrecisionAndScaleRules() {
    Compiled sum = compile("D + 1.5");
    assertThat(sum.type()).isEqualTo(SqlType.decimal(5, 2));
    assertThat(sum.eval(new Object[] {1, new BigDecimal("10.25"), "", List.of()})).isEqualTo(new BigDecimal("11.75"));
    assertThat(compile("D / 2").type()).isEqualTo(SqlType.decimal(15, 13));
    assertThat(compile("I / 2").eval(new Object[] {7, null, null, null})).isEqualTo(3);
    assertThat(compile("I * 2.0e0").type()).isEqualTo(SqlType.DOUBLE);
  }

  @Test
  void subscriptsAreOneBasedAndOutOfRangeIsNull() {
    Object[] row = {1, null, "abc", List.of(10L, 20L, 30L)};
    assertThat(compile("ARR[1]").eval(row)).isEqualTo(10L);
    assertThat(compile("ARR[-1]").eval(row)).isEqualTo(30L);
    assertThat(compile("ARR[5]").eval(row)).isNull();
  }

  @Test
  void caseIsLazyAndLikeHonoursEscape() {
    Object[] row = {0, null, "50%_off", null};
    assertThat(compile("CASE WHEN I = 0 THEN 'zero' ELSE CAST(10 / I AS STRING) END").eval(row)).isEqualTo("zero");
    assertThat(compile("NAME LIKE '50!%!_%' ESCAPE '!'").eval(row)).isEqualTo(true);
    assertThat(compile("NAME LIKE '5_'").eval(row)).isEqualTo(false);
    assertThat(compile("I IN (3, 0)").eval(row)).isEqualTo(true);
    assertThat(compile("I BETWEEN -1 AND 1").eval(row)).isEqualTo(true);
  }

  @Test
  void functionsResolveOverloadsOnceAndTypeErrorsNameTheExpression() {
    assertThat(compile("ABS(D)").type()).isEqualTo(SqlType.decimal(4, 2));
    assertThat(compile("SUBSTRING(NAME, 2)").eval(new Object[] {0, null, "hello", null})).isEqualTo("ello");
    assertThat(compile("COALESCE(I, 5)").eval(new Object[] {null, null, null, null})).isEqualTo(5);
    assertThat(compile("I = '7'").eval(new Object[] {7, null, null, null})).isEqualTo(true);
    assertThatThrownBy(() -> compile("I = true"))
        .hasMessage("Cannot compare I (INTEGER) to true (BOOLEAN) with EQUAL.");
    assertThatThrownBy(() -> compile("NOPE(I)")).hasMessage("Can't find any functions with the name 'NOPE'");
    assertThatThrownBy(() -> compile("MISSING + 1")).isInstanceOf(UnknownColumnException.class);
  }
}
