package io.rtdp.ksql.engine.query;

import java.util.List;
import java.util.Optional;

/**
 * A planned pull query ({@code SELECT …} without EMIT). On a table materialized by a persistent
 * query it reads the current rows from that query's state stores, applying WHERE, the projection
 * and LIMIT ({@link #execute}). On a stream it is a bounded scan of the topic that the server runs
 * ({@link #streamScan}).
 */
public interface PullQuery {
  String queryId();

  List<ResultColumn> columns();

  /** The persistent query whose stores hold the table; null for a stream pull query. */
  String persistentQueryId();

  /** The rows of a table pull query; a stream pull query throws IllegalStateException. */
  List<ResultRow> execute(StoreAccess stores);

  /** The LIMIT, null without one; {@link #execute} and {@link StreamScan} already apply it. */
  default Integer limit() {
    return null;
  }

  /** Present for a pull query on a stream, which the server runs as a bounded topic scan. */
  default Optional<StreamScan> streamScan() {
    return Optional.empty();
  }
}
