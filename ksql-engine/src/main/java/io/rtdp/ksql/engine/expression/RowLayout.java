package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the rows an expression runs against, each at a fixed array index, plus whole
 * expressions already computed upstream (aggregates, grouping expressions) found by their text.
 */
public final class RowLayout {
  /** {@code source} is the alias of the source the column comes from; null for computed ones. */
  public record Slot(String source, String name, SqlType type, int index) {}

  private final List<Slot> slots = new ArrayList<>();
  private final Map<String, Slot> computed = new HashMap<>();
  private int size;

  public int add(String source, String name, SqlType type) {
    int index = size++;
    slots.add(new Slot(source, name, type, index));
    return index;
  }

  /** Registers an upstream-computed expression; {@code text} is its canonical {@code toString}. */
  public int addComputed(String text, SqlType type) {
    int index = size++;
    Slot slot = new Slot(null, text, type, index);
    computed.put(text, slot);
    return index;
  }

  /** Makes an expression's text resolve to an existing slot (e.g. the key a PARTITION BY computed). */
  public void alias(String text, int index, SqlType type) {
    computed.put(text, new Slot(null, text, type, index));
  }

  /** A copy that can be extended (with lambda parameters) without changing this layout. */
  public RowLayout copy() {
    RowLayout c = new RowLayout();
    c.slots.addAll(slots);
    c.computed.putAll(computed);
    c.size = size;
    return c;
  }

  public int size() {
    return size;
  }

  public List<Slot> slots() {
    return List.copyOf(slots);
  }

  public Slot computed(Expression e) {
    return computed.get(e.toString());
  }

  /** Resolves a column; unqualified names must be unambiguous across sources. */
  public Slot resolve(Expression.ColumnRef ref) {
    Slot found = null;
    for (Slot s : slots) {
      if (!s.name().equals(ref.name())) {
        continue;
      }
      if (ref.qualifier() != null && !ref.qualifier().equals(s.source())) {
        continue;
      }
      if (found != null) {
        throw new KsqlException("Column '" + ref.name() + "' is ambiguous. Could be any of: "
            + found.source() + "." + ref.name() + ", " + s.source() + "." + ref.name());
      }
      found = s;
    }
    return found;
  }

  public boolean hasSource(String alias) {
    return slots.stream().anyMatch(s -> alias.equals(s.source()));
  }
}
