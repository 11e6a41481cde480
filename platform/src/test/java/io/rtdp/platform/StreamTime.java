package io.rtdp.platform;

/**
 * A windowed query's observed stream time as Kafka Streams keeps it, for a model that takes in the
 * query's input records one by one in topic order: the highest event time so far, started again at
 * the record where the query resumed after a restart (see {@link QueryResume}).
 */
final class StreamTime {
    private final QueryResume resume;
    private int read;
    private long observed = Long.MIN_VALUE;

    StreamTime(QueryResume resume) {
        this.resume = resume;
    }

    /** Takes in the next input record, at this event time; returns the stream time with it. */
    long next(long eventTime) {
        if (read++ == resume.index()) {
            observed = Long.MIN_VALUE;
        }
        observed = Math.max(observed, eventTime);
        return observed;
    }

    /**
     * Whether an EMIT FINAL time window ending at {@code windowEnd}, changed by the record just
     * taken in, is emitted (again) with that change: always before the restart; after it, only if
     * it had not been emitted before the stop (it ends after the committed close time).
     */
    boolean emitsTimeWindow(long windowEnd) {
        return beforeRestart() || windowEnd > resume.lastEmitWindowCloseTime();
    }

    /** As {@link #emitsTimeWindow} for a session: the session store emits those ending before the close time. */
    boolean emitsSession(long sessionEnd) {
        return beforeRestart() || sessionEnd >= resume.lastEmitWindowCloseTime();
    }

    private boolean beforeRestart() {
        return read <= resume.index();
    }
}
