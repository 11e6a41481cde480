package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Udaf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An aggregate function and its factory overloads. */
public final class AggregateFunction {
  private final FunctionInfo info;
  private final List<AggregateOverload> overloads = new ArrayList<>();

  /**
   * A resolved aggregate call: a fresh Udaf for this query, its result type, undo support, and how
   * many leading call arguments are columns (their values form the Udaf input, see {@link #input}).
   */
  public record ResolvedAggregate(SqlType returnType, Udaf<Object, Object, Object> udaf, boolean undoable,
      int columns) {
    /** The Udaf input for one row's column argument values: the single value, or a Pair … Quintuple. */
    public Object input(Object[] columnValues) {
      return AggregateOverload.input(columnValues);
    }
  }

  AggregateFunction(FunctionInfo info) {
    this.info = info;
  }

  public FunctionInfo info() {
    return info;
  }

  void add(AggregateOverload overload) {
    overloads.add(overload);
  }

  public List<String> signatures() {
    return overloads.stream().map(AggregateOverload::signature).toList();
  }

  /** DESCRIBE FUNCTION's view of this function. */
  public FunctionDescription description() {
    return new FunctionDescription(info.name(), info.description(), info.author(), info.version(), info.path(),
        info.kind().name(), overloads.stream().map(AggregateOverload::describe).toList());
  }

  public ResolvedAggregate resolve(List<CallArg.Value> args, String callText) {
    AggregateOverload.Binding best = null;
    for (AggregateOverload o : overloads) {
      AggregateOverload.Binding b = o.bind(args);
      if (b != null && (best == null || b.cost() < best.cost())) {
        best = b;
      }
    }
    if (best == null) {
      String types = args.stream().map(a -> a.type() == null ? "null" : a.type().toString())
          .collect(Collectors.joining(", "));
      throw new KsqlException("Function '" + info.name() + "' does not accept parameters (" + types
          + ").\nValid alternatives are:\n" + String.join("\n", signatures()));
    }
    SqlType type = best.overload().returnType(best);
    if (type == null) {
      throw new KsqlException("Cannot determine the return type of " + callText);
    }
    return new ResolvedAggregate(type, best.overload().create(best, callText), best.overload().undoable(),
        best.overload().columns());
  }
}
