package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafFactory;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One {@code @UdafFactory} method: column input type from the Udaf, literal args from the factory. */
final class AggregateOverload {
  private final Method factory;
  private final ParamType input;
  private final ParamType output;
  private final List<ParamType> literals = new ArrayList<>();
  private final SqlType declaredReturn;
  private final boolean undoable;

  AggregateOverload(Method factory, SqlType declaredReturn) {
    this.factory = factory;
    this.declaredReturn = declaredReturn;
    Type ret = factory.getGenericReturnType();
    if (!(ret instanceof ParameterizedType p)
        || !Udaf.class.isAssignableFrom((Class<?>) p.getRawType())) {
      throw new KsqlException("UDAF factory " + factory + " must return a parameterized Udaf<I, A, O>");
    }
    Type[] args = p.getActualTypeArguments();
    this.input = JavaTypes.of(args[0]);
    this.output = JavaTypes.of(args[2]);
    this.undoable = TableUdaf.class.isAssignableFrom((Class<?>) p.getRawType());
    for (Type t : factory.getGenericParameterTypes()) {
      literals.add(JavaTypes.of(t));
    }
  }

  boolean undoable() {
    return undoable;
  }

  String signature() {
    List<String> all = new ArrayList<>();
    all.add(input.toString());
    literals.forEach(l -> all.add(l.toString()));
    return "(" + String.join(", ", all) + ")";
  }

  /** DESCRIBE FUNCTION's view: the column argument first, then the factory's literal arguments. */
  FunctionDescription.Overload describe() {
    UdafFactory doc = factory.getAnnotation(UdafFactory.class);
    String columnType = doc.paramSchema().length > 0 ? doc.paramSchema()[0] : OverloadDescriber.typeName(input);
    List<FunctionDescription.Argument> arguments = new ArrayList<>();
    arguments.add(new FunctionDescription.Argument("val", columnType, "the aggregated column", false));
    arguments.addAll(OverloadDescriber.arguments(factory.getParameters(), literals, false));
    String returnType = declaredReturn != null ? declaredReturn.toString() : OverloadDescriber.typeName(output);
    return new FunctionDescription.Overload(arguments, returnType, doc.description());
  }

  record Binding(int cost, AggregateOverload overload, Map<String, SqlType> bindings, List<CallArg.Value> args) {}

  Binding bind(List<CallArg.Value> args) {
    if (args.size() != 1 + literals.size()) {
      return null;
    }
    Map<String, SqlType> bindings = new HashMap<>();
    int cost = TypeBinder.cost(input, args.get(0).type(), bindings);
    if (cost == TypeBinder.NO_MATCH) {
      return null;
    }
    for (int i = 0; i < literals.size(); i++) {
      CallArg.Value v = args.get(i + 1);
      int c = TypeBinder.cost(literals.get(i), v.type(), bindings);
      if (c == TypeBinder.NO_MATCH) {
        return null;
      }
      cost += c;
    }
    return new Binding(cost, this, bindings, args);
  }

  SqlType returnType(Binding b) {
    if (declaredReturn != null) {
      return declaredReturn;
    }
    SqlType in = b.args().get(0).type();
    return TypeBinder.resolve(output, b.bindings(), in == null ? List.of() : List.of(in));
  }

  /** Calls the factory with the literal arguments, once per aggregate call per query. */
  Udaf<Object, Object, Object> create(Binding b, String callText) {
    Object[] values = new Object[literals.size()];
    Class<?>[] javaTypes = factory.getParameterTypes();
    for (int i = 0; i < values.length; i++) {
      CallArg.Value v = b.args().get(i + 1);
      if (!v.constant()) {
        throw new KsqlException("Parameter " + (i + 2) + " of " + callText + " must be a literal");
      }
      values[i] = ValueConverters.to(javaTypes[i]).apply(v.evaluator().eval(new Object[0]));
    }
    try {
      factory.setAccessible(true);
      @SuppressWarnings("unchecked")
      Udaf<Object, Object, Object> udaf = (Udaf<Object, Object, Object>) factory.invoke(null, values);
      return udaf;
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new KsqlException("Cannot create aggregate " + callText + ": " + cause.getMessage(), cause);
    }
  }
}
