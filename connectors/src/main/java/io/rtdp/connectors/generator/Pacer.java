package io.rtdp.connectors.generator;

/**
 * Keeps a task at its share of the rate: how many events are due now, and how long to wait for the
 * next one. Counts from the task's start, so a slow poll is caught up by later ones, but never more
 * than one second behind: after a pause the task resumes at its rate instead of bursting.
 */
final class Pacer {
    private final double perSecond;
    private long startNanos;
    private long emitted;

    Pacer(double perSecond, long startNanos) {
        this.perSecond = perSecond;
        this.startNanos = startNanos;
    }

    /** Events that may be emitted now (Long.MAX_VALUE without a rate). */
    long due(long nowNanos) {
        if (perSecond <= 0) {
            return Long.MAX_VALUE;
        }
        long allowed = (long) ((nowNanos - startNanos) / 1e9 * perSecond) + 1;
        long backlog = allowed - emitted;
        long maxBacklog = Math.max(1L, (long) perSecond);
        if (backlog > maxBacklog) {
            startNanos = nowNanos - (long) ((emitted + maxBacklog - 1) / perSecond * 1e9);
            return maxBacklog;
        }
        return Math.max(0, backlog);
    }

    /** Milliseconds until the next event is due. */
    long millisUntilNext(long nowNanos) {
        double nextAtSeconds = emitted / perSecond;
        long waitNanos = startNanos + (long) (nextAtSeconds * 1e9) - nowNanos;
        return Math.max(1, waitNanos / 1_000_000);
    }

    void emitted(long events) {
        emitted += events;
    }
}
