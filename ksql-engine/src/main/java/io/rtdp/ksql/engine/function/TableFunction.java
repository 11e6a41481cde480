package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;

/**
 * A table function: its overloads return {@code List<T>} and each element becomes one output
 * row, so the SQL type of a call is the element type {@code T}.
 */
public final class TableFunction {
  private final ScalarFunction overloads;

  TableFunction(FunctionInfo info) {
    this.overloads = new ScalarFunction(info);
  }

  public FunctionInfo info() {
    return overloads.info();
  }

  /** DESCRIBE FUNCTION's view of this function. */
  public FunctionDescription description() {
    return overloads.describe(true);
  }

  void add(ScalarOverload overload) {
    overloads.add(overload);
  }

  /** The call's row type (the list element type) and an evaluator yielding the whole list. */
  public ScalarFunction.ResolvedCall resolve(List<CallArg> args, String callText) {
    ScalarFunction.ResolvedCall call = overloads.resolve(args, callText);
    if (!(call.returnType() instanceof SqlType.Array array)) {
      throw new KsqlException("Table function " + info().name() + " must return a list: " + callText);
    }
    return new ScalarFunction.ResolvedCall(array.element(), call.evaluator());
  }
}
