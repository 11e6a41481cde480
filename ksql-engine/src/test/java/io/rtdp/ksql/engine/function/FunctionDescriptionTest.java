package io.rtdp.ksql.engine.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.TestEngines;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SHOW FUNCTIONS and DESCRIBE FUNCTION answered from the registry through the engine. */
class FunctionDescriptionTest {
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), Map.of(),
      (q, m, e) -> { });

  @Test
  void showFunctionsListsEveryKindWithItsCategory() {
    assertThat(engine.listFunctions()).contains(
        new FunctionSummary("SUBSTRING", "SCALAR", "STRING"),
        new FunctionSummary("COUNT", "AGGREGATE", "AGGREGATE"),
        new FunctionSummary("EXPLODE", "TABLE", "TABLE"));
    assertThat(engine.listFunctions()).extracting(FunctionSummary::name).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void describeScalarGivesOneEntryPerOverloadInSignatureSpelling() {
    FunctionDescription d = engine.describeFunction("substring");

    assertThat(d.name()).isEqualTo("SUBSTRING");
    assertThat(d.type()).isEqualTo("SCALAR");
    assertThat(d.path()).isEqualTo("internal");
    assertThat(d.description()).startsWith("Part of a string");
    assertThat(d.functions()).extracting(FunctionDescription.Overload::argumentTypes)
        .containsExactlyInAnyOrder(java.util.List.of("VARCHAR", "INT"), java.util.List.of("VARCHAR", "INT", "INT"));
    FunctionDescription.Overload two = d.functions().stream().filter(o -> o.arguments().size() == 2)
        .findFirst().orElseThrow();
    assertThat(two.arguments()).containsExactly(
        new FunctionDescription.Argument("str", "VARCHAR", "", false),
        new FunctionDescription.Argument("pos", "INT", "", false));
    assertThat(two.returnType()).isEqualTo("VARCHAR");
  }

  @Test
  void variadicArgumentsAreFlagged() {
    FunctionDescription.Overload concat = engine.describeFunction("CONCAT").functions().get(0);
    assertThat(concat.arguments()).last().extracting(FunctionDescription.Argument::isVariadic).isEqualTo(true);
  }

  @Test
  void tableFunctionsReturnTheirElementTypeAndAggregatesStartWithTheColumn() {
    FunctionDescription explode = engine.describeFunction("EXPLODE");
    assertThat(explode.type()).isEqualTo("TABLE");
    assertThat(explode.functions().get(0).argumentTypes()).containsExactly("ARRAY<T>");
    assertThat(explode.functions().get(0).returnType()).isEqualTo("T");

    FunctionDescription count = engine.describeFunction("count");
    assertThat(count.type()).isEqualTo("AGGREGATE");
    assertThat(count.functions()).anySatisfy(o -> {
      assertThat(o.description()).isEqualTo("Counts non-NULL values.");
      assertThat(o.arguments()).extracting(FunctionDescription.Argument::name).containsExactly("val");
      assertThat(o.returnType()).isEqualTo("BIGINT");
    });
  }

  @Test
  void anUnknownFunctionIsRejectedWithKsqlDbsMessage() {
    assertThatThrownBy(() -> engine.describeFunction("NOPE"))
        .isInstanceOf(KsqlException.class)
        .hasMessage("Can't find any functions with the name 'NOPE'");
  }
}
