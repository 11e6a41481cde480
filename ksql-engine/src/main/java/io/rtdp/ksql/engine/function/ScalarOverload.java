package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.schema.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import io.rtdp.ksql.udf.TriFunction;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.Udtf;

/** One {@code @Udf} method: its parameter types and how to call it. */
final class ScalarOverload {
  private final Class<?> holder;
  private final Method method;
  private final List<ParamType> params;
  private final ParamType returns;
  private final SqlType declaredReturn;
  private final boolean variadic;

  /** The outcome of binding call arguments: a cost (lower is better) and the call to build. */
  record Binding(int cost, ScalarOverload overload, Map<String, SqlType> bindings, List<CallArg> args,
      List<CallArg.CompiledLambda> lambdas) {}

  ScalarOverload(Class<?> holder, Method method, SqlType declaredReturn) {
    this.holder = holder;
    this.method = method;
    this.variadic = method.isVarArgs();
    this.params = new ArrayList<>();
    for (Type t : method.getGenericParameterTypes()) {
      params.add(JavaTypes.of(t));
    }
    this.returns = JavaTypes.of(method.getGenericReturnType());
    this.declaredReturn = declaredReturn;
  }

  String signature() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      names.add(params.get(i) + (variadic && i == params.size() - 1 ? "..." : ""));
    }
    return "(" + String.join(", ", names) + ")";
  }

  /** DESCRIBE FUNCTION's view; a table function reports its list's element type as the return type. */
  FunctionDescription.Overload describe(boolean tableFunction) {
    String returnType;
    if (declaredReturn instanceof SqlType.Array a && tableFunction) {
      returnType = a.element().toString();
    } else if (declaredReturn != null) {
      returnType = declaredReturn.toString();
    } else {
      returnType = OverloadDescriber.typeName(tableFunction ? OverloadDescriber.element(returns) : returns);
    }
    Udf udf = method.getAnnotation(Udf.class);
    Udtf udtf = method.getAnnotation(Udtf.class);
    String description = udf != null ? udf.description() : udtf != null ? udtf.description() : "";
    return new FunctionDescription.Overload(OverloadDescriber.arguments(method.getParameters(), params, variadic),
        returnType, description);
  }

  /** Null when these arguments cannot be passed to this overload. */
  Binding bind(List<CallArg> args) {
    int fixed = variadic ? params.size() - 1 : params.size();
    if (variadic ? args.size() < fixed : args.size() != fixed) {
      return null;
    }
    Map<String, SqlType> bindings = new HashMap<>();
    int cost = variadic ? 1 : 0;
    List<CallArg.CompiledLambda> lambdas = new ArrayList<>();
    List<Integer> lambdaPositions = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      ParamType p = params.get(Math.min(i, params.size() - 1));
      CallArg a = args.get(i);
      if (a instanceof CallArg.Value v) {
        int c = TypeBinder.cost(p, v.type(), bindings);
        if (c == TypeBinder.NO_MATCH) {
          return null;
        }
        cost += c;
      } else if (a instanceof CallArg.Unit) {
        if (!(p instanceof ParamType.TimeUnitParam)) {
          return null;
        }
      } else if (a instanceof CallArg.LambdaArg l) {
        if (!(p instanceof ParamType.Lambda lp) || lp.inputs().size() != l.arity()) {
          return null;
        }
        lambdaPositions.add(i);
      }
    }
    // Lambdas are compiled last: their parameter types come from the other arguments.
    for (int i : lambdaPositions) {
      ParamType.Lambda lp = (ParamType.Lambda) params.get(Math.min(i, params.size() - 1));
      List<SqlType> inputTypes = new ArrayList<>();
      for (ParamType in : lp.inputs()) {
        SqlType t = TypeBinder.resolve(in, bindings, List.of());
        if (t == null) {
          return null;
        }
        inputTypes.add(t);
      }
      CallArg.CompiledLambda compiled = ((CallArg.LambdaArg) args.get(i)).compiler().compile(inputTypes);
      if (TypeBinder.cost(lp.result(), compiled.resultType(), bindings) == TypeBinder.NO_MATCH) {
        return null;
      }
      lambdas.add(compiled);
    }
    return new Binding(cost, this, bindings, args, lambdas);
  }

  SqlType returnType(Binding b) {
    if (declaredReturn != null) {
      return declaredReturn;
    }
    List<SqlType> argTypes = new ArrayList<>();
    for (CallArg a : b.args()) {
      if (a instanceof CallArg.Value v) {
        argTypes.add(v.type());
      }
    }
    return TypeBinder.resolve(returns, b.bindings(), argTypes.stream().filter(t -> t != null).toList());
  }

  /** Builds the per-row call; the function instance is created once here, per call site. */
  Evaluator evaluator(Binding b) {
    MethodHandle handle;
    try {
      Object instance = Modifier.isStatic(method.getModifiers()) ? null : holder.getDeclaredConstructor().newInstance();
      method.setAccessible(true);
      handle = MethodHandles.lookup().unreflect(method);
      if (instance != null) {
        handle = handle.bindTo(instance);
      }
      handle = handle.asFixedArity();
    } catch (ReflectiveOperationException e) {
      throw new KsqlException("Cannot instantiate function class " + holder.getName() + ": " + e.getMessage(), e);
    }
    Class<?>[] javaParams = method.getParameterTypes();
    int fixed = variadic ? javaParams.length - 1 : javaParams.length;
    List<CallArg> args = b.args();
    int n = args.size();
    Object[] constantUnits = new Object[n];
    Evaluator[] evals = new Evaluator[n];
    UnaryOperator<?>[] converters = new UnaryOperator<?>[n];
    boolean[] primitive = new boolean[n];
    int lambdaIndex = 0;
    CallArg.LambdaBody[] lambdaBodies = new CallArg.LambdaBody[n];
    for (int i = 0; i < n; i++) {
      Class<?> target = i < fixed ? javaParams[i] : javaParams[fixed].getComponentType();
      converters[i] = ValueConverters.to(target);
      primitive[i] = target.isPrimitive();
      CallArg a = args.get(i);
      if (a instanceof CallArg.Value v) {
        evals[i] = v.evaluator();
      } else if (a instanceof CallArg.Unit u) {
        constantUnits[i] = u.unit();
      } else {
        lambdaBodies[i] = b.lambdas().get(lambdaIndex++).body();
      }
    }
    Class<?> varargType = variadic ? javaParams[fixed].getComponentType() : null;
    MethodHandle spread = handle.asSpreader(Object[].class, javaParams.length);
    @SuppressWarnings("unchecked")
    UnaryOperator<Object>[] conv = (UnaryOperator<Object>[]) converters;
    return row -> {
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        Object v;
        if (evals[i] != null) {
          v = conv[i].apply(evals[i].eval(row));
          if (v == null && primitive[i]) {
            return null;
          }
        } else if (lambdaBodies[i] != null) {
          v = lambda(lambdaBodies[i], row, ((ParamType.Lambda) params.get(Math.min(i, params.size() - 1))).inputs().size());
        } else {
          v = constantUnits[i];
        }
        values[i] = v;
      }
      Object[] call = new Object[javaParams.length];
      System.arraycopy(values, 0, call, 0, Math.min(fixed, n));
      if (variadic) {
        Object varargs = Array.newInstance(varargType, n - fixed);
        for (int i = fixed; i < n; i++) {
          Array.set(varargs, i - fixed, values[i]);
        }
        call[fixed] = varargs;
      }
      try {
        return spread.invoke(call);
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable t) {
        throw new KsqlException("Function failed: " + t.getMessage(), t);
      }
    };
  }

  private static Object lambda(CallArg.LambdaBody body, Object[] row, int arity) {
    return switch (arity) {
      case 1 -> (Function<Object, Object>) x -> body.invoke(row, new Object[] {x});
      case 2 -> (BiFunction<Object, Object, Object>) (x, y) -> body.invoke(row, new Object[] {x, y});
      default -> (TriFunction<Object, Object, Object, Object>) (x, y, z) -> body.invoke(row, new Object[] {x, y, z});
    };
  }
}
