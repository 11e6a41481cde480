package io.rtdp.ksql.engine.pull;

import java.util.List;

/**
 * How a table pull query reads the store: a get per key in {@code keys} (null: a scan of every
 * row), and for windowed tables only windows whose start lies in [{@code startFrom}, {@code startTo}].
 * WHERE is evaluated on every row read either way.
 */
public record KeyLookup(List<List<Object>> keys, long startFrom, long startTo) {
  public KeyLookup {
    keys = keys == null ? null : List.copyOf(keys);
  }

  public boolean isScan() {
    return keys == null;
  }
}
