package io.rtdp.query.ksql;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The whole answer of a pull query: its columns, and each row as column name → value. */
public record PullResult(QueryMetadata metadata, List<ObjectNode> rows) {
    public PullResult {
        rows = List.copyOf(rows);
    }
}
