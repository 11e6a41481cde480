package io.rtdp.query.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of one page and, when more follow, the cursor of its last row. */
public record Page(List<Map<String, Object>> rows, Optional<Cursor> next) {
}
