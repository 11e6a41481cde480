package io.rtdp.ksql.server.statistics;

import java.util.Map;

/**
 * Handed to a query's Kafka clients through their configuration (clients build interceptors from
 * class names, so the instance to report to travels as a config value): whose records they count
 * and where.
 */
record QueryTap(String queryId, QueryStatistics statistics) {
  static final String CONFIG = "rtdp.ksql.query.statistics";

  static QueryTap from(Map<String, ?> configs) {
    if (configs.get(CONFIG) instanceof QueryTap tap) {
      return tap;
    }
    throw new IllegalStateException(CONFIG + " must hold the query's QueryTap; the interceptor is configured by"
        + " the KSQL server only");
  }

  // Kafka clients log their configuration: name the query rather than an object id.
  @Override
  public String toString() {
    return "statistics of " + queryId;
  }
}
