package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.schema.SqlBaseType;
import java.util.List;

/** What a function parameter accepts, derived from its Java type (SPEC §6.3). */
public sealed interface ParamType {
  /** A type family; {@code children} are element/key/value types for ARRAY and MAP. */
  record Concrete(SqlBaseType base, List<ParamType> children) implements ParamType {
    public Concrete {
      children = List.copyOf(children);
    }

    @Override
    public String toString() {
      return switch (base) {
        case ARRAY -> "ARRAY<" + children.get(0) + ">";
        case MAP -> "MAP<" + children.get(0) + ", " + children.get(1) + ">";
        default -> base.name();
      };
    }
  }

  /** A type variable: binds to the first argument type it meets; all uses must agree. */
  record Generic(String name) implements ParamType {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Any SQL value ({@code Object} parameters). */
  record Any() implements ParamType {
    @Override
    public String toString() {
      return "ANY";
    }
  }

  /** A lambda with these input types producing {@code result}. */
  record Lambda(List<ParamType> inputs, ParamType result) implements ParamType {
    @Override
    public String toString() {
      return "LAMBDA";
    }
  }

  /** A time-unit keyword argument such as SECONDS. */
  record TimeUnitParam() implements ParamType {
    @Override
    public String toString() {
      return "INTERVALUNIT";
    }
  }
}
