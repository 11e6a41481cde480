package io.rtdp.ksql.udf;

/** An aggregate that can also take a row back out, which is what aggregating a table needs. */
public interface TableUdaf<I, A, O> extends Udaf<I, A, O> {
  /** Removes the contribution of a row previously aggregated. */
  A undo(I valueToUndo, A aggregate);
}
