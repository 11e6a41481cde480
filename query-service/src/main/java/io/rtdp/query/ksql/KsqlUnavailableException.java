package io.rtdp.query.ksql;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** The KSQL server could not be reached, or did not answer within the configured timeout. */
public final class KsqlUnavailableException extends RuntimeException {
    public KsqlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For people: what went wrong talking to the server at url, without exception class names. */
    static KsqlUnavailableException of(URI url, Duration timeout, IOException failure) {
        String what;
        if (failure instanceof HttpTimeoutException || failure instanceof SocketTimeoutException
                || failure instanceof ConnectionRequestTimeoutException) {
            what = "did not answer within " + timeout.toMillis() + " ms";
        } else if (failure instanceof ConnectionClosedException) {
            what = "closed the connection in the middle of an answer"
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
        } else if (failure instanceof ConnectException) {
            what = "refuses connections (is it running?)";
        } else {
            what = "is unreachable" + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        }
        return new KsqlUnavailableException("the KSQL server at " + url + " " + what, failure);
    }
}
