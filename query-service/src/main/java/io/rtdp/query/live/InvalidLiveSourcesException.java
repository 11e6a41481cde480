package io.rtdp.query.live;

import java.net.URI;
import java.util.List;

/** The configured live sources do not match the KSQL server; the message lists every mismatch and its fix. */
public final class InvalidLiveSourcesException extends IllegalStateException {
    public InvalidLiveSourcesException(URI ksqlUrl, List<String> problems) {
        super("the configured live sources do not match the KSQL server at " + ksqlUrl + ":\n  "
                + String.join("\n  ", problems));
    }
}
