package io.rtdp.query.tables;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.rtdp.query.errors.DatabaseDeadlineException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Database work with a deadline that holds whatever the driver does. The driver's own timeouts
 * (connect, login, statement, socket) each bound one step, but a PostgreSQL that accepts
 * connections and never answers can chain them. The work runs on the request thread (handing it
 * to a worker and waiting on it cost more than the lookup itself at p99); {@link InFlightCalls}
 * stops it at the deadline by aborting its connection or interrupting its wait, and the request
 * fails here. Callers beyond a bound (the pool's connections and a queue for them) are refused at
 * once rather than left to wait.
 */
public final class BoundedDatabase {
    private final Jdbi jdbi;
    private final InFlightCalls calls;
    private final Semaphore callers;
    private final Duration deadline;

    public BoundedDatabase(Jdbi jdbi, InFlightCalls calls, int maxCallers, Duration deadline) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.callers = new Semaphore(maxCallers);
        this.deadline = deadline;
    }

    public <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        if (!callers.tryAcquire()) {
            throw new DatabaseDeadlineException("too many requests are waiting for PostgreSQL");
        }
        try {
            DatabaseCall call = calls.enter(System.nanoTime() + deadline.toNanos());
            try {
                return jdbi.withHandle(handle -> {
                    call.uses(handle.getConnection());
                    return work.withHandle(handle);
                });
            } catch (RuntimeException e) {
                // Whatever the failure (aborted socket, interrupted wait, statement timeout), past
                // the deadline it is the deadline's.
                if (call.isOverdue(System.nanoTime())) {
                    throw new DatabaseDeadlineException("PostgreSQL did not answer within " + deadline.toMillis() + " ms");
                }
                throw e;
            } finally {
                calls.leave(call);
            }
        } finally {
            callers.release();
        }
    }
}
