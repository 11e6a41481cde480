package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.query.ResultRow;
import java.util.function.Consumer;

/**
 * Where the rows of a planned query go: the sink topic of a persistent query, or the callback of
 * a transient (push) query. The topology is the same up to this last step.
 */
public sealed interface QueryOutput {
  /** Writes to the sink's topic in the sink's formats. */
  record Topic(DataSource sink) implements QueryOutput {}

  /**
   * Hands each result to {@code rows} in projection order, at most {@code limit} of them (null: no
   * limit). {@code table} results turn NULL values into tombstone rows; a stream drops them.
   */
  record Callback(ResultLayout layout, Consumer<ResultRow> rows, Integer limit, boolean table)
      implements QueryOutput {}
}
