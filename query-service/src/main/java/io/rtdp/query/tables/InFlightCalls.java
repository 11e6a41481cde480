package io.rtdp.query.tables;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database calls in progress, by thread. One sweeper (a single periodic task, see
 * {@link #stopOverdue}) stops those past their deadline, rather than a timer task per call:
 * scheduling one wakes the timer thread on every call, the very context switch that running the
 * work on the request thread saves.
 */
public final class InFlightCalls {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);
    /** A deadline holds to within this (and the time an abort takes); an idle sweep costs next to nothing. */
    private static final long SWEEP_PERIOD_MILLIS = 50;

    private final Map<Thread, DatabaseCall> calls = new ConcurrentHashMap<>();

    /** Sweeps on the executor's thread from now on. */
    public void sweepOn(ScheduledExecutorService sweeper) {
        sweeper.scheduleWithFixedDelay(() -> stopOverdue(System.nanoTime()), SWEEP_PERIOD_MILLIS, SWEEP_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    DatabaseCall enter(long deadlineNanos) {
        DatabaseCall call = new DatabaseCall(Thread.currentThread(), deadlineNanos);
        calls.put(call.thread(), call);
        return call;
    }

    void leave(DatabaseCall call) {
        calls.remove(call.thread(), call);
        call.finish();
    }

    /** The call of the current thread, when it is making one (the pool also validates on its own threads). */
    Optional<DatabaseCall> ofCurrentThread() {
        return Optional.ofNullable(calls.get(Thread.currentThread()));
    }

    /** Stops every call whose deadline is past; never throws, or the periodic task would end. */
    void stopOverdue(long nowNanos) {
        for (DatabaseCall call : calls.values()) {
            if (call.isOverdue(nowNanos)) {
                try {
                    call.stop();
                } catch (Exception e) {
                    LOG.warn("could not abort the PostgreSQL connection of {}, past its deadline", call.thread().getName(), e);
                }
            }
        }
    }
}
