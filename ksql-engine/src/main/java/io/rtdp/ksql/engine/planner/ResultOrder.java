package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.topology.ResultLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a query's result columns in projection order and where each comes from in the
 * key/value split the planners make (see {@link ResultLayout}).
 */
final class ResultOrder {
  private final List<ResultLayout.Slot> slots = new ArrayList<>();
  private final List<ResultColumn> columns = new ArrayList<>();
  private int values;

  /** A projected key column, the {@code index}th of the result key. */
  void key(String name, SqlType type, int index) {
    add(name, type, new ResultLayout.Slot(ResultLayout.Origin.KEY, index));
  }

  /**
   * The next value column, except that a bare window bound of a windowed result is read from the
   * record's window (a tombstone has no value to read it from); it still takes its value index.
   */
  void value(SelectColumn c, SqlType type, boolean windowed) {
    int index = values++;
    if (windowed && c.expression() instanceof Expression.ColumnRef r && SystemColumns.isWindowBound(r.name())) {
      add(c.name(), type, new ResultLayout.Slot(r.name().equals(SystemColumns.WINDOWSTART)
          ? ResultLayout.Origin.WINDOW_START : ResultLayout.Origin.WINDOW_END, 0));
    } else {
      add(c.name(), type, new ResultLayout.Slot(ResultLayout.Origin.VALUE, index));
    }
  }

  private void add(String name, SqlType type, ResultLayout.Slot slot) {
    slots.add(slot);
    columns.add(new ResultColumn(name, type, false));
  }

  ResultLayout layout() {
    return new ResultLayout(slots);
  }

  List<ResultColumn> columns() {
    return List.copyOf(columns);
  }
}
