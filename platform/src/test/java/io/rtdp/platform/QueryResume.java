package io.rtdp.platform;

/**
 * Where one windowed persistent query resumed after the KSQL server was stopped and started again,
 * and what of its window state the restart kept; the models take it to compute what such a query
 * writes across the restart.
 * <p>
 * Kafka Streams 4.x keeps a windowed aggregation's observed stream time, the highest event time it
 * has taken in, by which a record whose window closed (end + grace at or before it) is dropped, in
 * the processor's memory only (AbstractKStreamTimeWindowAggregateProcessor and
 * KStreamSessionWindowAggregate start it at -1 and never read it back). A restarted query therefore
 * judges windows by the records it reads after the restart alone: a late record read first is
 * counted in a window that had closed, and so are the next ones until stream time passes their
 * windows again. The window store (RETENTION of a day or more) comes back whole, so such a record
 * adds to what the window already held. With exactly_once_v2 the query resumes exactly at the
 * offsets its consumer group committed, which the test reads while the server is stopped.
 * <p>
 * EMIT FINAL windows behave otherwise in one point: the close time up to which the query emitted
 * them is committed with the offsets (processor metadata under the store's name), so a window
 * emitted before the stop is never emitted again; what a late record adds to it stays in the store
 * and never reaches the output.
 *
 * @param index the position, in the model's input list (the query's input topic in order), of the
 *     first record the query read after the restart; {@link Integer#MAX_VALUE} when not restarted
 * @param lastEmitWindowCloseTime the EMIT FINAL close time committed at the stop, -1 when none
 */
record QueryResume(int index, long lastEmitWindowCloseTime) {
    /** A query the KSQL server ran without a restart. */
    static final QueryResume NOT_RESTARTED = new QueryResume(Integer.MAX_VALUE, -1);

    /** The stream time of one pass of a model over the query's input. */
    StreamTime streamTime() {
        return new StreamTime(this);
    }
}
