package io.rtdp.query.tables;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A validated request for one page of a table: every value already parsed to its column's type. */
public record PageRequest(Map<Column, Object> keyFilters, Optional<Instant> from, Optional<Instant> to, SortOrder order,
        int limit, Optional<Cursor> after) {
    public PageRequest {
        keyFilters = Map.copyOf(keyFilters);
    }
}
