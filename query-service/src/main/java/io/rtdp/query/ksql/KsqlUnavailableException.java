package io.rtdp.query.ksql;

/** The KSQL server could not be reached, or did not answer within the configured timeout. */
public final class KsqlUnavailableException extends RuntimeException {
    public KsqlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
