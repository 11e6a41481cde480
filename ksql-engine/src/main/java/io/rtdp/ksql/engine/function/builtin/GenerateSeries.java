package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "GENERATE_SERIES", category = "ARRAY", description = "The inclusive series from start to end by step.")
public class GenerateSeries {
  @Udf
  public List<Integer> generateSeriesInt(@UdfParameter("start") int start, @UdfParameter("end") int end) {
    return generateSeriesInt(start, end, end >= start ? 1 : -1);
  }

  @Udf
  public List<Integer> generateSeriesInt(@UdfParameter("start") int start, @UdfParameter("end") int end,
      @UdfParameter("step") int step) {
    List<Long> longs = generateSeriesLong(start, end, step);
    List<Integer> out = new ArrayList<>(longs.size());
    longs.forEach(l -> out.add(l.intValue()));
    return out;
  }

  @Udf
  public List<Long> generateSeriesLong(@UdfParameter("start") long start, @UdfParameter("end") long end) {
    return generateSeriesLong(start, end, end >= start ? 1 : -1);
  }

  @Udf
  public List<Long> generateSeriesLong(@UdfParameter("start") long start, @UdfParameter("end") long end,
      @UdfParameter("step") long step) {
    if (step == 0) {
      throw new IllegalArgumentException("GENERATE_SERIES step cannot be zero");
    }
    if ((end > start && step < 0) || (end < start && step > 0)) {
      throw new IllegalArgumentException("GENERATE_SERIES step has wrong sign");
    }
    List<Long> out = new ArrayList<>();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add(v);
    }
    return out;
  }
}
