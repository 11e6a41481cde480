package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An argument of a function call as the overload resolver sees it. */
public sealed interface CallArg {
  /** A value argument; {@code type} null means the NULL literal; {@code constant} for literals. */
  record Value(SqlType type, Evaluator evaluator, boolean constant) implements CallArg {}

  record Unit(TimeUnit unit) implements CallArg {}

  /** A lambda whose body is compiled once its parameter types are known. */
  record LambdaArg(int arity, LambdaCompiler compiler) implements CallArg {}

  interface LambdaCompiler {
    CompiledLambda compile(List<SqlType> paramTypes);
  }

  /** Evaluates the lambda body for one row and one set of lambda parameter values. */
  interface LambdaBody {
    Object invoke(Object[] row, Object[] params);
  }

  record CompiledLambda(SqlType resultType, LambdaBody body) {}
}
