package io.rtdp.ksql.udfs.time;

import io.rtdp.ksql.udf.Udtf;
import io.rtdp.ksql.udf.UdtfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdtfDescription(name = "TIME_BUCKETS", author = "rtdp", version = "1.0",
    description = "One row per bucket of the given size (epoch-aligned) that the interval [start, end] touches,"
        + " holding the bucket's start in epoch milliseconds: spreads a session or an outage over minutes or"
        + " hours. No rows when an argument is NULL or end < start; a size <= 0 or more than "
        + TimeBuckets.MAX_BUCKETS + " buckets is an error.")
public final class TimeBuckets {
  static final int MAX_BUCKETS = 10_000;

  @Udtf(description = "Bucket starts, ascending.")
  public List<Long> timeBuckets(
      @UdfParameter(value = "start", description = "interval start, epoch ms") Long start,
      @UdfParameter(value = "end", description = "interval end, epoch ms (inclusive)") Long end,
      @UdfParameter(value = "size", description = "bucket size in ms, e.g. 60000") Long size) {
    if (start == null || end == null || size == null || end < start) {
      return List.of();
    }
    if (size <= 0) {
      throw new IllegalArgumentException("TIME_BUCKETS size must be positive, got " + size);
    }
    long first = Math.floorDiv(start, size) * size;
    long count = (Math.floorDiv(end, size) * size - first) / size + 1;
    if (count > MAX_BUCKETS) {
      throw new IllegalArgumentException("TIME_BUCKETS would return " + count + " rows, more than "
          + MAX_BUCKETS + "; use a larger size");
    }
    List<Long> buckets = new ArrayList<>((int) count);
    for (long b = first; b <= end; b += size) {
      buckets.add(b);
    }
    return buckets;
  }
}
