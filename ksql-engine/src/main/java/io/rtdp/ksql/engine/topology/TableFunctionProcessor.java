package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Table functions in the projection: each row yields as many rows as the longest returned list;
 * shorter lists are padded with NULL (SPEC §6.5). Function results go in slots after the row.
 */
final class TableFunctionProcessor implements FixedKeyProcessor<List<Object>, Object[], List<Object>> {
  private final String queryId;
  private final ProcessingLog log;
  private final Evaluator[] functions;
  private final RowSelector selector;
  private FixedKeyProcessorContext<List<Object>, List<Object>> context;

  TableFunctionProcessor(String queryId, ProcessingLog log, Evaluator[] functions, RowSelector selector) {
    this.queryId = queryId;
    this.log = log;
    this.functions = functions;
    this.selector = selector;
  }

  @Override
  public void init(FixedKeyProcessorContext<List<Object>, List<Object>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<List<Object>, Object[]> record) {
    Object[] row = record.value();
    if (row == null) {
      return;
    }
    List<?>[] results = new List<?>[functions.length];
    int rows = 0;
    for (int i = 0; i < functions.length; i++) {
      try {
        results[i] = (List<?>) functions[i].eval(row);
      } catch (RuntimeException e) {
        log.error(queryId, "Error in table function: " + e.getMessage(), e);
      }
      rows = Math.max(rows, results[i] == null ? 0 : results[i].size());
    }
    for (int r = 0; r < rows; r++) {
      Object[] extended = Arrays.copyOf(row, row.length + functions.length);
      for (int i = 0; i < functions.length; i++) {
        extended[row.length + i] = results[i] != null && r < results[i].size() ? results[i].get(r) : null;
      }
      RowSelector.Selected s = selector.select(record.key(), extended);
      if (s != null) {
        context.forward(s.applyTo(record));
      }
    }
  }
}
