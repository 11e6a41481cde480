package io.rtdp.ksql.engine.parser;

import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Immutable expression tree. {@code toString} renders an expression the way ksqlDB prints it in
 * messages (upper-case keywords, back-quoted names only where needed).
 */
public sealed interface Expression {
  Pos pos();

  record NullLiteral(Pos pos) implements Expression {
    @Override
    public String toString() {
      return "null";
    }
  }

  record BooleanLiteral(Pos pos, boolean value) implements Expression {
    @Override
    public String toString() {
      return value ? "true" : "false";
    }
  }

  record IntegerLiteral(Pos pos, int value) implements Expression {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  record BigintLiteral(Pos pos, long value) implements Expression {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  record DecimalLiteral(Pos pos, BigDecimal value) implements Expression {
    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  record DoubleLiteral(Pos pos, double value) implements Expression {
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  record StringLiteral(Pos pos, String value) implements Expression {
    @Override
    public String toString() {
      return "'" + value.replace("'", "''") + "'";
    }
  }

  /** {@code col} or {@code source.col}; {@code qualifier} is null when unqualified. */
  record ColumnRef(Pos pos, String qualifier, String name) implements Expression {
    @Override
    public String toString() {
      return qualifier == null ? Names.format(name) : Names.format(qualifier) + "." + Names.format(name);
    }
  }

  record Dereference(Pos pos, Expression base, String field) implements Expression {
    @Override
    public String toString() {
      return base + "->" + Names.format(field);
    }
  }

  record Subscript(Pos pos, Expression base, Expression index) implements Expression {
    @Override
    public String toString() {
      return base + "[" + index + "]";
    }
  }

  /** A time-unit keyword passed as a function argument, e.g. {@code TIMESTAMPADD(SECONDS, …)}. */
  record TimeUnitArg(Pos pos, String unit) implements Expression {
    @Override
    public String toString() {
      return unit;
    }
  }

  record FunctionCall(Pos pos, String name, List<Expression> args, boolean star) implements Expression {
    public FunctionCall {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      return name + "(" + (star ? "*" : args.stream().map(Object::toString).collect(Collectors.joining(", "))) + ")";
    }
  }

  record Lambda(Pos pos, List<String> params, Expression body) implements Expression {
    public Lambda {
      params = List.copyOf(params);
    }

    @Override
    public String toString() {
      String ps = params.size() == 1 ? params.get(0) : "(" + String.join(", ", params) + ")";
      return ps + " => " + body;
    }
  }

  enum ArithmeticOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULUS("%");

    public final String symbol;

    ArithmeticOp(String symbol) {
      this.symbol = symbol;
    }
  }

  record Arithmetic(Pos pos, ArithmeticOp op, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " " + op.symbol + " " + right + ")";
    }
  }

  record Negation(Pos pos, Expression value) implements Expression {
    @Override
    public String toString() {
      return "-" + value;
    }
  }

  record Concatenation(Pos pos, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " || " + right + ")";
    }
  }

  enum ComparisonOp {
    EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">=");

    public final String symbol;

    ComparisonOp(String symbol) {
      this.symbol = symbol;
    }
  }

  record Comparison(Pos pos, ComparisonOp op, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " " + op.symbol + " " + right + ")";
    }
  }

  record And(Pos pos, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " AND " + right + ")";
    }
  }

  record Or(Pos pos, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " OR " + right + ")";
    }
  }

  record Not(Pos pos, Expression value) implements Expression {
    @Override
    public String toString() {
      return "(NOT " + value + ")";
    }
  }

  record Between(Pos pos, Expression value, Expression lower, Expression upper, boolean negated) implements Expression {
    @Override
    public String toString() {
      return "(" + value + (negated ? " NOT" : "") + " BETWEEN " + lower + " AND " + upper + ")";
    }
  }

  record InList(Pos pos, Expression value, List<Expression> list, boolean negated) implements Expression {
    public InList {
      list = List.copyOf(list);
    }

    @Override
    public String toString() {
      return "(" + value + (negated ? " NOT" : "") + " IN ("
          + list.stream().map(Object::toString).collect(Collectors.joining(", ")) + "))";
    }
  }

  /** {@code escape} is null when no ESCAPE clause was given. */
  record Like(Pos pos, Expression value, Expression pattern, Character escape, boolean negated) implements Expression {
    @Override
    public String toString() {
      return "(" + value + (negated ? " NOT" : "") + " LIKE " + pattern
          + (escape == null ? "" : " ESCAPE '" + escape + "'") + ")";
    }
  }

  record IsNull(Pos pos, Expression value, boolean negated) implements Expression {
    @Override
    public String toString() {
      return "(" + value + (negated ? " IS NOT NULL" : " IS NULL") + ")";
    }
  }

  record DistinctFrom(Pos pos, Expression left, Expression right, boolean negated) implements Expression {
    @Override
    public String toString() {
      return "(" + left + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + right + ")";
    }
  }

  record WhenClause(Expression condition, Expression result) {
    @Override
    public String toString() {
      return "WHEN " + condition + " THEN " + result;
    }
  }

  /** {@code operand} is null for the searched form {@code CASE WHEN cond THEN …}. */
  record Case(Pos pos, Expression operand, List<WhenClause> whens, Expression elseValue) implements Expression {
    public Case {
      whens = List.copyOf(whens);
    }

    @Override
    public String toString() {
      return "(CASE " + (operand == null ? "" : operand + " ")
          + whens.stream().map(Object::toString).collect(Collectors.joining(" "))
          + (elseValue == null ? "" : " ELSE " + elseValue) + " END)";
    }
  }

  record Cast(Pos pos, Expression value, SqlType type) implements Expression {
    @Override
    public String toString() {
      return "CAST(" + value + " AS " + type + ")";
    }
  }

  record ArrayConstructor(Pos pos, List<Expression> elements) implements Expression {
    public ArrayConstructor {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return "ARRAY[" + elements.stream().map(Object::toString).collect(Collectors.joining(", ")) + "]";
    }
  }

  record MapEntry(Expression key, Expression value) {}

  record MapConstructor(Pos pos, List<MapEntry> entries) implements Expression {
    public MapConstructor {
      entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
      return "MAP(" + entries.stream().map(e -> e.key() + ":=" + e.value()).collect(Collectors.joining(", ")) + ")";
    }
  }

  record StructField(String name, Expression value) {}

  record StructConstructor(Pos pos, List<StructField> fields) implements Expression {
    public StructConstructor {
      fields = List.copyOf(fields);
    }

    @Override
    public String toString() {
      return "STRUCT(" + fields.stream().map(f -> Names.format(f.name()) + ":=" + f.value())
          .collect(Collectors.joining(", ")) + ")";
    }
  }
}
