package io.rtdp.ksql.udf;

/**
 * An aggregate function over input values {@code I}, keeping an accumulator {@code A} in a state
 * store and exposing {@code O} as the aggregate's value.
 */
public interface Udaf<I, A, O> {
  /** A fresh accumulator for a new group or window. */
  A initialize();

  /** Folds one input row into the accumulator and returns the new accumulator. */
  A aggregate(I current, A aggregate);

  /** Combines two accumulators; used when session windows merge. */
  A merge(A aggOne, A aggTwo);

  /** The visible result for an accumulator (lets AVG keep sum and count but return a double). */
  O map(A aggregate);
}
