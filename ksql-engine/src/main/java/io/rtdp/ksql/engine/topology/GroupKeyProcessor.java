package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Drops NULL rows and rows failing WHERE, and keys the rest by the GROUP BY values; a row with a
 * NULL grouping value is dropped (SPEC §1.7).
 */
final class GroupKeyProcessor implements Processor<List<Object>, Object[], List<Object>, Object[]> {
  private final String queryId;
  private final ProcessingLog log;
  private final Evaluator where;
  private final Evaluator[] groupBy;
  private ProcessorContext<List<Object>, Object[]> context;

  GroupKeyProcessor(String queryId, ProcessingLog log, Evaluator where, Evaluator[] groupBy) {
    this.queryId = queryId;
    this.log = log;
    this.where = where;
    this.groupBy = groupBy;
  }

  @Override
  public void init(ProcessorContext<List<Object>, Object[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<List<Object>, Object[]> record) {
    List<Object> key = key(queryId, log, where, groupBy, record.value());
    if (key != null) {
      context.forward(record.withKey(key));
    }
  }

  /** The grouping key of a row, or null when the row does not take part. */
  static List<Object> key(String queryId, ProcessingLog log, Evaluator where, Evaluator[] groupBy, Object[] row) {
    if (row == null) {
      return null;
    }
    try {
      if (where != null && !Boolean.TRUE.equals(where.eval(row))) {
        return null;
      }
      List<Object> key = new ArrayList<>(groupBy.length);
      for (Evaluator e : groupBy) {
        Object v = e.eval(row);
        if (v == null) {
          return null;
        }
        key.add(v);
      }
      return key;
    } catch (RuntimeException e) {
      log.error(queryId, "Error computing GROUP BY key: " + e.getMessage(), e);
      return null;
    }
  }
}
