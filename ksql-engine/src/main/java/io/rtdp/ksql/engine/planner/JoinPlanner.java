package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.topology.JoinSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Analyses a two-source join (SPEC §1.10): sides, criteria, result key and projection. */
final class JoinPlanner {
  static final String SYNTHETIC_KEY = "ROWKEY";

  private final MetaStore metaStore;
  private final FunctionRegistry functions;

  /** The analysed join: the spec for the topology, the combined row layout and the key column. */
  record Analysis(JoinSpec spec, RowLayout layout, List<SelectColumn> select, SelectColumn keyColumn,
      SqlType keyType, boolean resultIsTable) {}

  JoinPlanner(MetaStore metaStore, FunctionRegistry functions) {
    this.metaStore = metaStore;
    this.functions = functions;
  }

  /** {@code keyed}: the result is keyed by the join key, which must then be projected (no GROUP BY). */
  Analysis analyze(Query query, String sinkName, boolean keyed) {
    if (!query.partitionBy().isEmpty()) {
      throw new UnsupportedFeatureException("PARTITION BY over a join is not supported yet");
    }
    Query.AliasedSource l = query.from().left();
    DataSource left = source(l.name());
    List<DataSource> sources = new ArrayList<>(List.of(left));
    Set<String> aliases = new HashSet<>(List.of(l.alias()));
    if (left.isWindowed()) {
      throw new UnsupportedFeatureException("Joins of windowed sources are not supported yet");
    }
    RowLayout layout = sideLayout(left, l.alias(), new RowLayout());
    boolean tableSoFar = left.isTable();
    String nameSoFar = l.name();
    // Slots holding the current join key; joining on one of them needs no re-keying.
    List<RowLayout.Slot> keySlots = new ArrayList<>();
    if (left.schema().key().size() == 1) {
      keySlots.add(layout.resolve(new Expression.ColumnRef(l.pos(), l.alias(), left.schema().key().get(0).name())));
    }
    List<Expression.ColumnRef> keyCandidates = new ArrayList<>();
    List<JoinSpec.Step> steps = new ArrayList<>();
    SqlType keyType = null;
    boolean synthetic = false;
    String syntheticName = SYNTHETIC_KEY;
    int joinCount = query.from().joins().size();
    for (int j = 0; j < joinCount; j++) {
      Query.Join join = query.from().joins().get(j);
      Query.AliasedSource r = join.right();
      DataSource right = source(r.name());
      if (!aliases.add(r.alias())) {
        throw new KsqlException("Can not join '" + nameSoFar + "' to '" + r.name()
            + "': self joins need distinct aliases.");
      }
      if (right.isWindowed()) {
        throw new UnsupportedFeatureException("Joins of windowed sources are not supported yet");
      }
      sources.add(right);
      RowLayout rightLayout = sideLayout(right, r.alias(), new RowLayout());
      RowLayout combined = sideLayout(right, r.alias(), layout.copy());

      Expression criteria = join.criteria();
      if (criteria instanceof Expression.And) {
        throw new KsqlException("Invalid join condition: joins on multiple conditions are not yet supported. Got "
            + criteria + ".");
      }
      if (!(criteria instanceof Expression.Comparison c) || c.op() != Expression.ComparisonOp.EQUAL) {
        throw new KsqlException("Unsupported join expression: " + criteria);
      }
      Expression leftExpr = c.left();
      Expression rightExpr = c.right();
      String leftSide = side(leftExpr, combined, criteria);
      String rightSide = side(rightExpr, combined, criteria);
      if (leftSide.equals(r.alias()) && !rightSide.equals(r.alias())) {
        Expression t = leftExpr;
        leftExpr = rightExpr;
        rightExpr = t;
      } else if (leftSide.equals(r.alias()) || !rightSide.equals(r.alias())) {
        throw new KsqlException("Invalid comparison expression '" + criteria + "' in join '" + criteria
            + "'. Each side of the join comparision must contain references from exactly one source.");
      }
      checkJoinKinds(tableSoFar, right, join, nameSoFar, r);
      Compiled leftKey = new ExpressionCompiler(functions, layout, "JOIN").compile(leftExpr);
      Compiled rightKey = new ExpressionCompiler(functions, rightLayout, "JOIN").compile(rightExpr);
      boolean leftIsKey = leftExpr instanceof Expression.ColumnRef ref && keySlots.contains(layout.resolve(ref));
      boolean rightIsKey = isKeyColumn(rightExpr, right);
      if (right.isTable() && !rightIsKey) {
        throw new KsqlException("Invalid join condition: " + (tableSoFar ? "table-table" : "stream-table")
            + " joins require to join on the primary key of the right input table. Got " + qualified(leftExpr, combined)
            + " = " + qualified(rightExpr, combined) + ".");
      }
      boolean foreignKey = tableSoFar && !leftIsKey;
      if (foreignKey) {
        if (joinCount > 1) {
          throw new KsqlException("Invalid join condition: foreign-key table-table joins are not supported as part "
              + "of n-way joins. Got " + qualified(leftExpr, combined) + " = " + qualified(rightExpr, combined) + ".");
        }
        if (join.type() != Query.JoinType.INNER && join.type() != Query.JoinType.LEFT) {
          throw new KsqlException("Invalid join type: foreign-key table-table joins support only INNER and LEFT "
              + "joins. Got " + join.type() + ".");
        }
      }
      if (!leftKey.type().equals(rightKey.type())) {
        throw new KsqlException("Invalid join condition: types don't match. Got " + leftExpr + "{" + leftKey.type()
            + "} = " + rightExpr + "{" + rightKey.type() + "}.");
      }
      steps.add(new JoinSpec.Step(right, join.type(), leftIsKey && !foreignKey ? null : leftKey.evaluator(),
          rightIsKey ? null : rightKey.evaluator(), foreignKey, join.within(), layout.size(), rightLayout.size()));

      boolean last = j == joinCount - 1;
      synthetic = join.type() == Query.JoinType.OUTER
          || (!(leftExpr instanceof Expression.ColumnRef) && !(rightExpr instanceof Expression.ColumnRef));
      if (synthetic && last) {
        for (int n = 1; nameTaken(sources, syntheticName); n++) {
          syntheticName = SYNTHETIC_KEY + "_" + n;
        }
      }
      List<RowLayout.Slot> previousKeys = keySlots;
      layout = combined;
      keyType = foreignKey ? keyType(previousKeys, left) : leftKey.type();
      int keySlot = layout.add(null, synthetic && last ? syntheticName : "$JOINKEY" + j, keyType);
      if (foreignKey) {
        keySlots = previousKeys;
      } else {
        keySlots = new ArrayList<>();
        if (synthetic) {
          keySlots.add(layout.slots().get(keySlot));
        } else {
          // Earlier key columns first, then this join's left and right column: the first one
          // projected names the key.
          keyCandidates = new ArrayList<>(leftIsKey ? keyCandidates : List.of());
          if (leftIsKey) {
            keySlots.addAll(previousKeys);
          }
          for (Expression side : List.of(leftExpr, rightExpr)) {
            if (side instanceof Expression.ColumnRef ref) {
              RowLayout.Slot slot = layout.resolve(ref);
              if (!keySlots.contains(slot)) {
                keySlots.add(slot);
              }
              keyCandidates.add(ref);
            }
          }
        }
      }
      tableSoFar = tableSoFar && right.isTable();
      nameSoFar = r.name();
    }

    List<SelectColumn> select = projection(query, sources, aliasesInOrder(query), layout,
        synthetic ? syntheticName : null);
    SelectColumn keyColumn = null;
    for (RowLayout.Slot slot : keySlots) {
      for (SelectColumn c : select) {
        if (keyColumn == null && c.expression() instanceof Expression.ColumnRef ref
            && slot.equals(layout.resolve(ref))) {
          keyColumn = c;
        }
      }
    }
    if (keyColumn == null && keyed) {
      if (steps.get(steps.size() - 1).foreignKey()) {
        throw new KsqlException("Primary key column missing in projection. For foreign-key table-table joins, the "
            + "projection must include all primary key columns from the left input table (`" + l.alias() + "."
            + left.schema().key().get(0).name() + "`).");
      }
      if (synthetic) {
        throw new KsqlException("Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS."
            + "\nThe query used to build `" + sinkName + "` must include the join expression " + syntheticName
            + " in its projection (eg, SELECT " + syntheticName + "...).\n" + syntheticName + " was added as a "
            + "synthetic key column because the join criteria did not match any source column. This expression must "
            + "be included in the projection and may be aliased.");
      }
      List<String> names = new ArrayList<>();
      for (Expression.ColumnRef ref : keyCandidates) {
        String name = qualified(ref, layout);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      String list = names.size() == 1 ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
      throw new KsqlException("The query used to build `" + sinkName + "` must include the join expression"
          + (names.size() > 1 ? "s " : " ") + list + " in its projection (eg, SELECT " + names.get(0) + "...).");
    }
    return new Analysis(new JoinSpec(left, steps), layout, select, keyColumn, keyType, tableSoFar);
  }

  private static SqlType keyType(List<RowLayout.Slot> keySlots, DataSource left) {
    return keySlots.isEmpty() ? left.schema().key().get(0).type() : keySlots.get(0).type();
  }

  private static boolean nameTaken(List<DataSource> sources, String name) {
    return sources.stream().anyMatch(s -> s.schema().find(name).isPresent());
  }

  private static List<String> aliasesInOrder(Query query) {
    List<String> out = new ArrayList<>(List.of(query.from().left().alias()));
    query.from().joins().forEach(j -> out.add(j.right().alias()));
    return out;
  }

  private void checkJoinKinds(boolean leftIsTable, DataSource right, Query.Join join, String leftName,
      Query.AliasedSource r) {
    String kinds = (leftIsTable ? "table" : "stream") + "-" + right.kind().lower();
    if (leftIsTable && !right.isTable()) {
      throw new KsqlException("Invalid join order: table-stream joins are not supported; only stream-table joins. Got "
          + leftName + " " + join.type() + " JOIN " + r.name() + ".");
    }
    if (!leftIsTable && !right.isTable() && join.within() == null) {
      throw new KsqlException("Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn "
          + "about how to specify a WITHIN clause with a stream-stream join, please visit: "
          + "https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select");
    }
    if (right.isTable() && join.within() != null) {
      throw new KsqlException("A window definition was provided for a " + kinds + " join. Windows are only "
          + "supported for stream-stream joins.");
    }
    if (!leftIsTable && right.isTable() && join.type() != Query.JoinType.INNER
        && join.type() != Query.JoinType.LEFT) {
      throw new KsqlException("Invalid join type: " + (join.type() == Query.JoinType.OUTER ? "full-outer" : "right")
          + " join not supported for stream-table join. Got " + leftName + " "
          + (join.type() == Query.JoinType.OUTER ? "FULL OUTER" : "RIGHT OUTER") + " JOIN " + r.name() + ".");
    }
  }

  private DataSource source(String name) {
    return metaStore.source(name).orElseThrow(() -> new KsqlException(name + " does not exist."));
  }

  private static RowLayout sideLayout(DataSource source, String alias, RowLayout layout) {
    for (Column c : source.schema().columns()) {
      layout.add(alias, c.name(), c.type());
    }
    layout.add(alias, SystemColumns.ROWTIME, SqlType.BIGINT);
    layout.add(alias, SystemColumns.ROWPARTITION, SqlType.INTEGER);
    layout.add(alias, SystemColumns.ROWOFFSET, SqlType.BIGINT);
    return layout;
  }

  /** The alias of the only source an expression refers to. */
  private static String side(Expression e, RowLayout layout, Expression criteria) {
    Set<String> sources = new HashSet<>();
    for (Expression ref : ExpressionWalker.find(e, x -> x instanceof Expression.ColumnRef)) {
      RowLayout.Slot slot = layout.resolve((Expression.ColumnRef) ref);
      if (slot == null) {
        throw new KsqlException("JOIN ON column '" + ref + "' cannot be resolved.");
      }
      sources.add(slot.source());
    }
    if (sources.size() != 1) {
      throw new KsqlException("Invalid comparison expression '" + e + "' in join '" + criteria
          + "'. Each side of the join comparision must contain references from exactly one source.");
    }
    return sources.iterator().next();
  }

  private static boolean isKeyColumn(Expression e, DataSource source) {
    return e instanceof Expression.ColumnRef ref && source.schema().key().size() == 1
        && source.schema().key().get(0).name().equals(ref.name());
  }

  /** A column reference with its source alias, as ksqlDB prints join expressions; other expressions as written. */
  private static String qualified(Expression e, RowLayout layout) {
    if (!(e instanceof Expression.ColumnRef ref)) {
      return e.toString();
    }
    RowLayout.Slot slot = layout.resolve(ref);
    return ref.qualifier() == null && slot != null ? slot.source() + "." + ref.name() : ref.toString();
  }

  /** The projected column that is a plain reference to the same column. */
  private static SelectColumn findColumn(List<SelectColumn> select, Expression.ColumnRef ref, RowLayout layout) {
    RowLayout.Slot target = layout.resolve(ref);
    for (SelectColumn c : select) {
      if (c.expression() instanceof Expression.ColumnRef r && target != null && target.equals(layout.resolve(r))) {
        return c;
      }
    }
    return null;
  }

  /** SPEC §1.4 naming in joins: {@code *} and qualified ambiguous references become {@code ALIAS_COLUMN}. */
  private static List<SelectColumn> projection(Query query, List<DataSource> sources, List<String> aliases,
      RowLayout layout, String syntheticKey) {
    List<SelectColumn> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int generated = 0;
    for (Query.SelectItem item : query.select()) {
      if (item instanceof Query.AllColumns all) {
        if (all.source() == null && syntheticKey != null) {
          out.add(new SelectColumn(syntheticKey, new Expression.ColumnRef(all.pos(), null, syntheticKey)));
        }
        boolean matched = false;
        for (int i = 0; i < sources.size(); i++) {
          if (all.source() == null || all.source().equals(aliases.get(i))) {
            expand(sources.get(i), aliases.get(i), out, all);
            matched = true;
          }
        }
        if (!matched) {
          throw new KsqlException("'" + all.source() + "' is not a valid stream/table name or alias.");
        }
        continue;
      }
      if (item instanceof Query.StructFields) {
        throw new UnsupportedFeatureException("struct->* in joins is not supported yet");
      }
      Query.SingleColumn single = (Query.SingleColumn) item;
      Expression e = single.expression();
      String name;
      if (single.alias() != null) {
        name = Projection.checkedAlias(single.alias());
      } else if (e instanceof Expression.ColumnRef c) {
        long owners = sources.stream().filter(s -> s.schema().find(c.name()).isPresent()).count();
        if (c.qualifier() != null && (owners > 1 || SystemColumns.isReserved(c.name()))) {
          name = c.qualifier() + "_" + c.name();
        } else if (c.qualifier() != null) {
          name = c.name();
        } else {
          if (SystemColumns.isReserved(c.name())) {
            throw new KsqlException("Reserved column name in select: `" + c.name()
                + "`. Please remove or alias the column.");
          }
          name = c.name();
        }
      } else if (e instanceof Expression.Dereference d) {
        name = d.field();
      } else {
        do {
          name = "KSQL_COL_" + generated++;
        } while (used.contains(name));
      }
      used.add(name);
      out.add(new SelectColumn(name, e));
    }
    Projection.requireUniqueNames(out);
    return out;
  }

  private static void expand(DataSource source, String alias, List<SelectColumn> out, Query.AllColumns all) {
    for (Column c : source.schema().columns()) {
      out.add(new SelectColumn(alias + "_" + c.name(), new Expression.ColumnRef(all.pos(), alias, c.name())));
    }
  }
}
