package io.rtdp.ksql.engine.function;

import java.util.List;

/**
 * What DESCRIBE FUNCTION shows (the {@code describe_function} entity, SPEC §4.6); component
 * names are the entity's JSON field names.
 *
 * @param path the jar a function came from, or {@code internal} for built-ins
 * @param type SCALAR, AGGREGATE or TABLE
 */
public record FunctionDescription(String name, String description, String author, String version, String path,
    String type, List<Overload> functions) {

  public FunctionDescription {
    functions = List.copyOf(functions);
  }

  /** One overload; {@code argumentTypes} repeats the argument types, as ksqlDB's entity does. */
  public record Overload(List<Argument> arguments, String returnType, String description,
      List<String> argumentTypes) {
    public Overload(List<Argument> arguments, String returnType, String description) {
      this(List.copyOf(arguments), returnType, description, arguments.stream().map(Argument::type).toList());
    }
  }

  public record Argument(String name, String type, String description, boolean isVariadic) {}
}
