package io.rtdp.ksql.engine.qtt;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.qtt.functions.BadUdf;

/** The built-ins plus the test-only functions that qtt/README.md lists. */
final class TestFunctions {
  private TestFunctions() {}

  static FunctionRegistry registry() {
    FunctionRegistry registry = FunctionRegistry.withBuiltIns();
    registry.load(BadUdf.class, "qtt");
    return registry;
  }
}
