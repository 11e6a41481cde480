package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;

/** COUNT(col) counts non-NULL values; COUNT(*) is planned as a count of a never-NULL column. */
@UdafDescription(name = "COUNT", description = "Counts records (COUNT(*)) or non-NULL values (COUNT(col)).")
public final class Count {
  private Count() {}

  @UdafFactory(description = "Counts non-NULL values.")
  public static <T> TableUdaf<T, Long, Long> count() {
    return new TableUdaf<>() {
      @Override
      public Long initialize() {
        return 0L;
      }

      @Override
      public Long aggregate(T value, Long count) {
        return value == null ? count : count + 1;
      }

      @Override
      public Long merge(Long a, Long b) {
        return a + b;
      }

      @Override
      public Long map(Long count) {
        return count;
      }

      @Override
      public Long undo(T value, Long count) {
        return value == null ? count : count - 1;
      }
    };
  }
}
