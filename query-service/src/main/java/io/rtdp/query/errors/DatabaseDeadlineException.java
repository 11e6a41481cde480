package io.rtdp.query.errors;

/** PostgreSQL did not answer within the time a request may wait for it. */
public final class DatabaseDeadlineException extends RuntimeException {
    public DatabaseDeadlineException(String message) {
        super(message);
    }
}
