package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.LinkedHashMap;
import java.util.Map;

@UdafDescription(name = "HISTOGRAM", description = "The number of times each distinct value occurs (at most 1000 values).")
public final class Histogram {
  private static final int LIMIT = 1000;

  private Histogram() {}

  @UdafFactory(description = "Counts each distinct string.")
  public static TableUdaf<String, Map<String, Long>, Map<String, Long>> histogram() {
    return new TableUdaf<>() {
      @Override
      public Map<String, Long> initialize() {
        return new LinkedHashMap<>();
      }

      @Override
      public Map<String, Long> aggregate(String value, Map<String, Long> counts) {
        if (value == null || (!counts.containsKey(value) && counts.size() >= LIMIT)) {
          return counts;
        }
        Map<String, Long> out = new LinkedHashMap<>(counts);
        out.merge(value, 1L, Long::sum);
        return out;
      }

      @Override
      public Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
      }

      @Override
      public Map<String, Long> map(Map<String, Long> counts) {
        return counts;
      }

      @Override
      public Map<String, Long> undo(String value, Map<String, Long> counts) {
        if (value == null || !counts.containsKey(value)) {
          return counts;
        }
        Map<String, Long> out = new LinkedHashMap<>(counts);
        if (out.merge(value, -1L, Long::sum) <= 0) {
          out.remove(value);
        }
        return out;
      }
    };
  }
}
