package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.query.ResultRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a result record back into projection order: planners split the projection into key and
 * value columns (that is what a sink topic holds), a transient query's client wants the columns as
 * written. Window bounds come from the record's window, so that tombstones carry them too.
 */
public final class ResultLayout {
  public enum Origin { KEY, VALUE, WINDOW_START, WINDOW_END }

  /** Where one result column comes from; {@code index} is the key or value column index. */
  public record Slot(Origin origin, int index) {}

  private final Slot[] slots;

  public ResultLayout(List<Slot> slots) {
    this.slots = slots.toArray(new Slot[0]);
  }

  /** A row, or a tombstone when {@code value} is null (key columns and window bounds set, others NULL). */
  public ResultRow row(List<Object> key, Long windowStart, Long windowEnd, List<Object> value) {
    List<Object> columns = new ArrayList<>(slots.length);
    for (Slot s : slots) {
      columns.add(switch (s.origin()) {
        case KEY -> key == null ? null : key.get(s.index());
        case VALUE -> value == null ? null : value.get(s.index());
        case WINDOW_START -> windowStart;
        case WINDOW_END -> windowEnd;
      });
    }
    return new ResultRow(columns, value == null);
  }
}
