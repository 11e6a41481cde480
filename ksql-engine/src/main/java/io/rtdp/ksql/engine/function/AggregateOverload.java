package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Pair;
import io.rtdp.ksql.udf.Quadruple;
import io.rtdp.ksql.udf.Quintuple;
import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.Triple;
import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafFactory;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code @UdafFactory} method: column input type(s) from the Udaf, literal args from the factory.
 * A tuple input type ({@link Pair} … {@link Quintuple}) takes one column argument per component.
 */
final class AggregateOverload {
  private static final List<Class<?>> TUPLES = List.of(Pair.class, Triple.class, Quadruple.class, Quintuple.class);

  private final Method factory;
  private final List<ParamType> columns = new ArrayList<>();
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
    if (args[0] instanceof ParameterizedType tuple && TUPLES.contains((Class<?>) tuple.getRawType())) {
      for (Type t : tuple.getActualTypeArguments()) {
        columns.add(JavaTypes.of(t));
      }
    } else {
      columns.add(JavaTypes.of(args[0]));
    }
    this.output = JavaTypes.of(args[2]);
    this.undoable = TableUdaf.class.isAssignableFrom((Class<?>) p.getRawType());
    for (Type t : factory.getGenericParameterTypes()) {
      literals.add(JavaTypes.of(t));
    }
  }

  boolean undoable() {
    return undoable;
  }

  /** How many leading call arguments are columns (more than one for a tuple input). */
  int columns() {
    return columns.size();
  }

  /** The Udaf input for the values of the column arguments: the value itself, or a tuple of them. */
  static Object input(Object[] values) {
    return switch (values.length) {
      case 1 -> values[0];
      case 2 -> new Pair<>(values[0], values[1]);
      case 3 -> new Triple<>(values[0], values[1], values[2]);
      case 4 -> new Quadruple<>(values[0], values[1], values[2], values[3]);
      case 5 -> new Quintuple<>(values[0], values[1], values[2], values[3], values[4]);
      default -> throw new IllegalArgumentException("No tuple of " + values.length + " columns");
    };
  }

  String signature() {
    List<String> all = new ArrayList<>();
    columns.forEach(c -> all.add(c.toString()));
    literals.forEach(l -> all.add(l.toString()));
    return "(" + String.join(", ", all) + ")";
  }

  /** DESCRIBE FUNCTION's view: the column argument(s) first, then the factory's literal arguments. */
  FunctionDescription.Overload describe() {
    UdafFactory doc = factory.getAnnotation(UdafFactory.class);
    List<FunctionDescription.Argument> arguments = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String columnType = doc.paramSchema().length > i ? doc.paramSchema()[i]
          : OverloadDescriber.typeName(columns.get(i));
      boolean single = columns.size() == 1;
      arguments.add(new FunctionDescription.Argument(single ? "val" : "val" + (i + 1), columnType,
          single ? "the aggregated column" : "aggregated column " + (i + 1), false));
    }
    arguments.addAll(OverloadDescriber.arguments(factory.getParameters(), literals, false));
    String returnType = declaredReturn != null ? declaredReturn.toString() : OverloadDescriber.typeName(output);
    return new FunctionDescription.Overload(arguments, returnType, doc.description());
  }

  record Binding(int cost, AggregateOverload overload, Map<String, SqlType> bindings, List<CallArg.Value> args) {}

  Binding bind(List<CallArg.Value> args) {
    if (args.size() != columns.size() + literals.size()) {
      return null;
    }
    Map<String, SqlType> bindings = new HashMap<>();
    int cost = 0;
    for (int i = 0; i < args.size(); i++) {
      ParamType expected = i < columns.size() ? columns.get(i) : literals.get(i - columns.size());
      int c = TypeBinder.cost(expected, args.get(i).type(), bindings);
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
    List<SqlType> in = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (b.args().get(i).type() != null) {
        in.add(b.args().get(i).type());
      }
    }
    return TypeBinder.resolve(output, b.bindings(), in);
  }

  /** Calls the factory with the literal arguments, once per aggregate call per query. */
  Udaf<Object, Object, Object> create(Binding b, String callText) {
    Object[] values = new Object[literals.size()];
    Class<?>[] javaTypes = factory.getParameterTypes();
    for (int i = 0; i < values.length; i++) {
      CallArg.Value v = b.args().get(i + columns.size());
      if (!v.constant()) {
        throw new KsqlException("Parameter " + (i + 1 + columns.size()) + " of " + callText + " must be a literal");
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
