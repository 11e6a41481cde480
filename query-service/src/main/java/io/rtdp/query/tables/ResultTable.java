package io.rtdp.query.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A configured table after its check against the catalog: the only source of identifiers in the
 * SQL the service runs. Rows are ordered by the time column (if any) then the keys; that order is
 * unique, which is what makes keyset pagination exact.
 */
public record ResultTable(String apiName, String schema, String relation, List<Column> keys, Optional<Column> time,
        List<Column> columns, Set<String> roles, String description) {

    public ResultTable {
        keys = List.copyOf(keys);
        columns = List.copyOf(columns);
        roles = Set.copyOf(roles);
    }

    public String sqlName() {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(relation);
    }

    public List<Column> orderColumns() {
        List<Column> order = new ArrayList<>();
        time.ifPresent(order::add);
        order.addAll(keys);
        return order;
    }

    /** The exposed columns, then the ordering ones a cursor needs even if they are not shown. */
    public List<Column> selectedColumns() {
        Set<Column> selected = new LinkedHashSet<>(columns);
        selected.addAll(orderColumns());
        return List.copyOf(selected);
    }
}
