package io.rtdp.ksql.engine.parser;

import java.util.List;

/** A SELECT: clauses as written, in SPEC §1.6 order. Optional clauses are null or empty. */
public record Query(
    Pos pos,
    List<SelectItem> select,
    Relation from,
    WindowSpec window,
    Expression where,
    List<Expression> groupBy,
    List<Expression> partitionBy,
    Expression having,
    Emit emit,
    Integer limit) {

  public enum Emit { NONE, CHANGES, FINAL }

  public Query {
    select = List.copyOf(select);
    groupBy = List.copyOf(groupBy);
    partitionBy = List.copyOf(partitionBy);
  }

  public sealed interface SelectItem {}

  /** {@code alias} is null when none is given. */
  public record SingleColumn(Expression expression, String alias) implements SelectItem {}

  /** {@code struct->*}: every field of a struct as its own column. */
  public record StructFields(Expression struct) implements SelectItem {}

  /** {@code *} when {@code source} is null, otherwise {@code source.*}. */
  public record AllColumns(Pos pos, String source) implements SelectItem {}

  public record AliasedSource(Pos pos, String name, String alias) {}

  public enum JoinType { INNER, LEFT, RIGHT, OUTER }

  /** {@code within} is null when the join has no WITHIN clause. */
  public record Join(Pos pos, JoinType type, AliasedSource right, JoinWindow within, Expression criteria) {}

  public record JoinWindow(long beforeMs, long afterMs, Long graceMs) {}

  public record Relation(AliasedSource left, List<Join> joins) {
    public Relation {
      joins = List.copyOf(joins);
    }
  }
}
