package io.rtdp.query.tables;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One piece of database work in progress on a request thread, and how to end its wait once its
 * deadline has passed: a thread blocked reading from PostgreSQL's socket does not see an interrupt,
 * only the socket closing under it ({@link Connection#abort}); a thread waiting for a pooled
 * connection, or for a new one to log in, sees only the interrupt. Stopping does both, and does
 * nothing once the call has finished, so a finished call's connection and thread are left alone.
 */
final class DatabaseCall {
    private final Thread thread;
    private final long deadlineNanos;
    private Connection connection;
    private boolean finished;
    private boolean interrupted;

    DatabaseCall(Thread thread, long deadlineNanos) {
        this.thread = thread;
        this.deadlineNanos = deadlineNanos;
    }

    Thread thread() {
        return thread;
    }

    boolean isOverdue(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /**
     * The connection the call now waits on: borrowed, or being validated (also after a reconnect);
     * null when it waits on none.
     */
    synchronized void uses(Connection connection) {
        this.connection = connection;
    }

    /**
     * Aborts the connection (synchronously: closing a socket does not block) and interrupts the
     * thread. May run again on the same call: a borrow whose validation was aborted reconnects.
     */
    synchronized void stop() throws SQLException {
        if (finished) {
            return;
        }
        interrupted = true;
        thread.interrupt();
        if (connection != null && !connection.isClosed()) {
            connection.abort(Runnable::run);
        }
    }

    /**
     * Called by the call's own thread when its work is over, failed or not: from then on it is
     * never stopped, and an interrupt it received from {@link #stop} is cleared so that it does
     * not fail whatever the thread does next.
     */
    synchronized void finish() {
        finished = true;
        if (interrupted) {
            Thread.interrupted();
        }
    }
}
