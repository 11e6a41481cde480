package io.rtdp.query.tables;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.rtdp.query.errors.DatabaseDeadlineException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Database work with a deadline that holds whatever the driver does. The driver's own timeouts
 * (connect, login, statement, socket) each bound one step, but a PostgreSQL that accepts
 * connections and never answers can chain them; here the request stops waiting at the deadline
 * and the worker is left to those timeouts. Workers are as many as pooled connections; work that
 * overflows their bounded queue is refused at once, and work given up on leaves the queue.
 */
public final class BoundedDatabase {
    private final Jdbi jdbi;
    private final ExecutorService workers;
    private final Duration deadline;

    public BoundedDatabase(Jdbi jdbi, ExecutorService workers, Duration deadline) {
        this.jdbi = jdbi;
        this.workers = workers;
        this.deadline = deadline;
    }

    public <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        Future<T> result;
        try {
            result = workers.submit(() -> jdbi.withHandle(work));
        } catch (RejectedExecutionException e) {
            throw new DatabaseDeadlineException("too many requests are waiting for PostgreSQL");
        }
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new DatabaseDeadlineException("PostgreSQL did not answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new DatabaseDeadlineException("interrupted while waiting for PostgreSQL");
        }
    }
}
