package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A scalar function and all of its overloads. */
public final class ScalarFunction {
  private final FunctionInfo info;
  private final List<ScalarOverload> overloads = new ArrayList<>();

  /** A resolved call site: its SQL result type and the compiled call. */
  public record ResolvedCall(SqlType returnType, Evaluator evaluator) {}

  ScalarFunction(FunctionInfo info) {
    this.info = info;
  }

  public FunctionInfo info() {
    return info;
  }

  void add(ScalarOverload overload) {
    overloads.add(overload);
  }

  public List<String> signatures() {
    return overloads.stream().map(ScalarOverload::signature).toList();
  }

  /** DESCRIBE FUNCTION's view of this function. */
  public FunctionDescription description() {
    return describe(false);
  }

  /** {@code tableFunction}: overloads return lists whose elements are the rows. */
  FunctionDescription describe(boolean tableFunction) {
    return new FunctionDescription(info.name(), info.description(), info.author(), info.version(), info.path(),
        info.kind().name(), overloads.stream().map(o -> o.describe(tableFunction)).toList());
  }

  /** Picks the cheapest overload for these arguments (exact, then widening, generic, variadic). */
  public ResolvedCall resolve(List<CallArg> args, String callText) {
    ScalarOverload.Binding best = null;
    for (ScalarOverload o : overloads) {
      ScalarOverload.Binding b = o.bind(args);
      if (b != null && (best == null || b.cost() < best.cost())) {
        best = b;
      }
    }
    if (best == null) {
      String types = args.stream().map(ScalarFunction::describe).collect(Collectors.joining(", "));
      throw new KsqlException("Function '" + info.name().toLowerCase(java.util.Locale.ROOT)
          + "' does not accept parameters (" + types + ").\nValid alternatives are:\n"
          + String.join("\n", signatures()));
    }
    SqlType returnType = best.overload().returnType(best);
    if (returnType == null) {
      throw new KsqlException("Cannot determine the return type of " + callText);
    }
    return new ResolvedCall(returnType, best.overload().evaluator(best));
  }

  private static String describe(CallArg a) {
    if (a instanceof CallArg.Value v) {
      return v.type() == null ? "null" : v.type().toString();
    }
    return a instanceof CallArg.Unit ? "INTERVALUNIT" : "LAMBDA";
  }
}
