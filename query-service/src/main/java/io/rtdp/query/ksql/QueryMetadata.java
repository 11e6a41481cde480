package io.rtdp.query.ksql;

import java.util.List;

/** The first line of a {@code /query-stream} answer (SPEC §4.5): the query's id and its columns. */
public record QueryMetadata(String queryId, List<String> columnNames, List<String> columnTypes) {
    public QueryMetadata {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
    }
}
