package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdafDescription(name = "TOPKDISTINCT", description = "The k largest distinct values, descending.")
public final class TopKDistinct {
  private TopKDistinct() {}

  @UdafFactory(description = "The k largest distinct non-NULL values.")
  public static <T> Udaf<T, List<T>, List<T>> topKDistinct(@UdfParameter("k") int k) {
    return TopK.ranking(k, true);
  }
}
