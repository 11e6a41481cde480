package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.topology.QueryOutput;

/**
 * The last step of every plan: a persistent query's rows go to its sink (resolved, and its topic
 * created, by {@link SinkPlanner}); a transient query's rows go to the client's callback.
 */
final class OutputPlanner {
  /** The output, and the sink it writes (null for a transient query). */
  record Output(DataSource sink, QueryOutput output) {}

  private final SinkPlanner sinks;

  OutputPlanner(SinkPlanner sinks) {
    this.sinks = sinks;
  }

  /**
   * {@code schema} is the sink's key/value split of the result, {@code order} the same columns in
   * projection order; {@code table} says whether the result is a table (NULL values are deletes).
   */
  Output resolve(QueryPlanner.Target target, DataSource source, LogicalSchema schema, DataSource.WindowInfo window,
      String sql, ResultOrder order, boolean table) {
    if (target.isTransient()) {
      return new Output(null, new QueryOutput.Callback(order.layout(), target.rows(), target.limit(), table));
    }
    DataSource sink = sinks.resolve(target, source, schema, window, sql);
    return new Output(sink, new QueryOutput.Topic(sink));
  }
}
