package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import io.rtdp.ksql.engine.schema.SqlType;

/** Expands {@code *} and names projection items as SPEC §1.4 states. */
final class Projection {
  private Projection() {}

  static List<SelectColumn> resolve(Query query, LogicalSchema schema, String alias,
      Function<Expression, SqlType> typeOf) {
    return resolve(query, schema, alias, typeOf, false, false);
  }

  /**
   * A transient query may project pseudo columns without an alias, and its {@code *} over a
   * windowed source lists WINDOWSTART and WINDOWEND after the key columns.
   */
  static List<SelectColumn> resolve(Query query, LogicalSchema schema, String alias,
      Function<Expression, SqlType> typeOf, boolean transientQuery, boolean windowed) {
    Set<String> taken = new HashSet<>();
    schema.columns().forEach(c -> taken.add(c.name()));
    List<SelectColumn> out = new ArrayList<>();
    int generated = 0;
    Set<String> used = new HashSet<>();
    for (Query.SelectItem item : query.select()) {
      if (item instanceof Query.AllColumns all) {
        if (all.source() != null && !all.source().equals(alias)) {
          throw new KsqlException("'" + all.source() + "' is not a valid stream/table name or alias.");
        }
        for (Column c : schema.key()) {
          out.add(new SelectColumn(c.name(), new Expression.ColumnRef(all.pos(), alias, c.name())));
        }
        if (transientQuery && windowed) {
          for (String bound : List.of(SystemColumns.WINDOWSTART, SystemColumns.WINDOWEND)) {
            out.add(new SelectColumn(bound, new Expression.ColumnRef(all.pos(), alias, bound)));
          }
        }
        for (Column c : schema.value()) {
          out.add(new SelectColumn(c.name(), new Expression.ColumnRef(all.pos(), alias, c.name())));
        }
        continue;
      }
      if (item instanceof Query.StructFields fields) {
        if (!(typeOf.apply(fields.struct()) instanceof SqlType.Struct struct)) {
          throw new KsqlException("Can't dereference all fields of " + fields.struct() + ": it is not a STRUCT");
        }
        for (SqlType.Field f : struct.fields()) {
          out.add(new SelectColumn(f.name(), new Expression.Dereference(fields.struct().pos(), fields.struct(), f.name())));
          used.add(f.name());
        }
        continue;
      }
      Query.SingleColumn single = (Query.SingleColumn) item;
      Expression e = single.expression();
      String name;
      if (single.alias() != null) {
        name = checkedAlias(single.alias());
      } else if (e instanceof Expression.ColumnRef c) {
        if (!transientQuery && SystemColumns.isReserved(c.name()) && !SystemColumns.isWindowBound(c.name())) {
          throw new KsqlException("Reserved column name in select: `" + c.name() + "`. Please remove or alias the column.");
        }
        name = c.name();
      } else if (e instanceof Expression.Dereference d) {
        name = d.field();
        int n = 0;
        while (used.contains(name)) {
          name = d.field() + "_" + (++n);
        }
      } else {
        do {
          name = "KSQL_COL_" + generated++;
        } while (taken.contains(name) || used.contains(name));
      }
      used.add(name);
      out.add(new SelectColumn(name, e));
    }
    requireUniqueNames(out);
    return out;
  }

  /** An alias the user chose, which must not be a system column's name. */
  static String checkedAlias(String alias) {
    if (SystemColumns.isReserved(alias)) {
      throw new KsqlException("`" + alias + "` is a reserved column name. "
          + "You cannot use it as an alias for a column.");
    }
    return alias;
  }

  static void requireUniqueNames(List<SelectColumn> columns) {
    Set<String> seen = new HashSet<>();
    for (SelectColumn c : columns) {
      if (!seen.add(c.name())) {
        throw new KsqlException("Duplicate column name: " + c.name() + "\nOutput column names must be unique.");
      }
    }
  }
}
