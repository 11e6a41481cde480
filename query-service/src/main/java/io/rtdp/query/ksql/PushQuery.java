package io.rtdp.query.ksql;

/** A running push query: its metadata, and the one way to end it from this side. */
public interface PushQuery extends AutoCloseable {
    QueryMetadata metadata();

    /** Ends the query on the KSQL server ({@code /close-query}) and drops its stream; idempotent, never blocks. */
    @Override
    void close();
}
