package io.rtdp.query.tables;

import java.util.List;

/** The configured tables do not match the database; the message lists every mismatch. */
public final class InvalidTablesException extends IllegalStateException {
    public InvalidTablesException(List<String> problems) {
        super("the configured tables do not match PostgreSQL:\n  " + String.join("\n  ", problems));
    }
}
