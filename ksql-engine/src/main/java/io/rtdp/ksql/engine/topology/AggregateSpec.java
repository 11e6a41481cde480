package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.Udaf;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate calls of one query. The accumulator of the whole row is a list holding one
 * accumulator per call; argument evaluation errors count as NULL inputs.
 */
public final class AggregateSpec {
  private final List<Udaf<Object, Object, Object>> udafs;
  private final Evaluator[] args;
  private final ProcessingLog log;
  private final String queryId;

  public AggregateSpec(List<Udaf<Object, Object, Object>> udafs, List<Evaluator> args, ProcessingLog log,
      String queryId) {
    this.udafs = List.copyOf(udafs);
    this.args = args.toArray(new Evaluator[0]);
    this.log = log;
    this.queryId = queryId;
  }

  public int size() {
    return udafs.size();
  }

  List<Object> initialize() {
    List<Object> acc = new ArrayList<>(udafs.size());
    for (Udaf<Object, Object, Object> u : udafs) {
      acc.add(u.initialize());
    }
    return acc;
  }

  List<Object> aggregate(Object[] row, List<Object> acc) {
    List<Object> out = new ArrayList<>(acc.size());
    for (int i = 0; i < udafs.size(); i++) {
      out.add(udafs.get(i).aggregate(arg(i, row), acc.get(i)));
    }
    return out;
  }

  List<Object> undo(Object[] row, List<Object> acc) {
    List<Object> out = new ArrayList<>(acc.size());
    for (int i = 0; i < udafs.size(); i++) {
      out.add(((TableUdaf<Object, Object, Object>) udafs.get(i)).undo(arg(i, row), acc.get(i)));
    }
    return out;
  }

  List<Object> merge(List<Object> a, List<Object> b) {
    List<Object> out = new ArrayList<>(a.size());
    for (int i = 0; i < udafs.size(); i++) {
      out.add(udafs.get(i).merge(a.get(i), b.get(i)));
    }
    return out;
  }

  Object result(int i, List<Object> acc) {
    return udafs.get(i).map(acc.get(i));
  }

  private Object arg(int i, Object[] row) {
    try {
      return args[i].eval(row);
    } catch (RuntimeException e) {
      log.error(queryId, "Error computing aggregate argument: " + e.getMessage(), e);
      return null;
    }
  }
}
