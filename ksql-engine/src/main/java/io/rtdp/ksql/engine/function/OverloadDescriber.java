package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.udf.UdfParameter;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Turns overload metadata into DESCRIBE FUNCTION's arguments, in function-signature type spelling. */
final class OverloadDescriber {
  private OverloadDescriber() {}

  /** The arguments of {@code parameters}, whose accepted types are {@code types}. */
  static List<FunctionDescription.Argument> arguments(Parameter[] parameters, List<ParamType> types,
      boolean variadic) {
    List<FunctionDescription.Argument> out = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      UdfParameter doc = parameters[i].getAnnotation(UdfParameter.class);
      // Without -parameters javac keeps no names, so the annotation's name wins when given.
      String name = doc != null && !doc.value().isEmpty() ? doc.value() : parameters[i].getName();
      String type = doc != null && !doc.schema().isEmpty() ? doc.schema() : typeName(types.get(i));
      out.add(new FunctionDescription.Argument(name, type, doc == null ? "" : doc.description(),
          variadic && i == parameters.length - 1));
    }
    return out;
  }

  /** ksqlDB spells STRING and INTEGER as VARCHAR and INT in function signatures. */
  static String typeName(ParamType type) {
    if (type instanceof ParamType.Concrete c) {
      return switch (c.base()) {
        case STRING -> "VARCHAR";
        case INTEGER -> "INT";
        case ARRAY -> "ARRAY<" + typeName(c.children().get(0)) + ">";
        case MAP -> "MAP<" + typeName(c.children().get(0)) + ", " + typeName(c.children().get(1)) + ">";
        default -> c.base().name();
      };
    }
    return type.toString();
  }

  /** The element type of a list-returning table function. */
  static ParamType element(ParamType list) {
    return list instanceof ParamType.Concrete c && c.base() == SqlBaseType.ARRAY ? c.children().get(0) : list;
  }
}
