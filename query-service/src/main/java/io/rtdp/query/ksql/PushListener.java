package io.rtdp.query.ksql;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives a push query's rows, one call at a time, in order. The next row is read from the KSQL
 * server only after {@link #row} returns: a slow receiver slows the stream instead of piling up rows.
 */
public interface PushListener {
    /** The query runs: called before its first row. */
    void started(QueryMetadata metadata);

    void row(ObjectNode row);

    /** The stream ended: the server finished it (LIMIT), failed it ({@code failure} set), or the connection broke. */
    void ended(Throwable failure);
}
