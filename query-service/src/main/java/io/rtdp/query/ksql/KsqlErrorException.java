package io.rtdp.query.ksql;

/** The KSQL server refused a request or failed it, and said why. */
public final class KsqlErrorException extends RuntimeException {
    private final KsqlError error;

    public KsqlErrorException(KsqlError error) {
        super("KSQL server error " + error.errorCode() + " (HTTP " + error.status() + "): " + error.message());
        this.error = error;
    }

    public KsqlError error() {
        return error;
    }
}
