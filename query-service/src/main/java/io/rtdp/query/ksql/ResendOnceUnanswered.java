package io.rtdp.query.ksql;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a request once more, at once, when the server closed the connection without answering
 * it: a kept-alive connection whose idle timeout ran out on the server's side is only noticed when
 * used. The client's default retries idempotent methods only; these POSTs (pull queries, SHOW and
 * DESCRIBE) read state, so resending them is harmless. Never resent: timeouts (the wait is already
 * spent), refused connections, and answers cut short (the server did answer). No status is retried:
 * a 503 of the KSQL server goes to the caller as it is.
 */
final class ResendOnceUnanswered extends DefaultHttpRequestRetryStrategy {
    ResendOnceUnanswered() {
        super(1, TimeValue.ZERO_MILLISECONDS,
                List.of(InterruptedIOException.class, UnknownHostException.class, ConnectException.class,
                        ConnectionClosedException.class, NoRouteToHostException.class, SSLException.class),
                List.of());
    }

    @Override
    protected boolean handleAsIdempotent(HttpRequest request) {
        return true;
    }
}
