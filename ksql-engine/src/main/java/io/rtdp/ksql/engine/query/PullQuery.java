package io.rtdp.ksql.engine.query;

import java.util.List;

/**
 * A planned pull query on a materialized table ({@code SELECT … } without EMIT): reads the current
 * rows from the state stores of {@code persistentQueryId}, applying WHERE, the projection and LIMIT.
 */
public interface PullQuery {
  String queryId();

  List<ResultColumn> columns();

  /** The persistent query whose stores hold the table. */
  String persistentQueryId();

  List<ResultRow> execute(StoreAccess stores);
}
