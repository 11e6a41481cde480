package io.rtdp.query.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks the configured tables against PostgreSQL's catalog at start-up, so that a wrong name
 * stops the service with a message naming it instead of failing requests later.
 */
public final class TableCatalog {
    /** Query parameters of the list endpoint; a key column may not take one of these names. */
    public static final Set<String> RESERVED_PARAMETERS = Set.of("from", "to", "order", "limit", "cursor");

    private final Jdbi jdbi;

    public TableCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @throws InvalidTablesException listing every problem found, each naming the table and column
     */
    public Map<String, ResultTable> resolve(Map<String, TableConfiguration> configured) {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        jdbi.useHandle(handle -> configured.forEach((apiName, config) -> {
            List<String> tableProblems = new ArrayList<>();
            resolve(handle, apiName, config, tableProblems).ifPresent(table -> tables.put(apiName, table));
            problems.addAll(tableProblems);
        }));
        if (!problems.isEmpty()) {
            throw new InvalidTablesException(problems);
        }
        return tables;
    }

    private Optional<ResultTable> resolve(Handle handle, String apiName, TableConfiguration config, List<String> problems) {
        String where = "tables." + apiName + ": ";
        Optional<Long> oid = handle.createQuery("SELECT to_regclass(:name)::oid")
                .bind("name", config.table())
                .mapTo(Long.class)
                .findOne();
        if (oid.isEmpty() || oid.get() == null) {
            problems.add(where + "table '" + config.table() + "' does not exist in PostgreSQL"
                    + " (check the name and its schema; the sink creates it when its first record arrives)");
            return Optional.empty();
        }
        Map<String, Object> relation = handle.createQuery(
                        "SELECT n.nspname AS schema, c.relname AS relation FROM pg_class c "
                                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = :oid")
                .bind("oid", oid.get())
                .mapToMap()
                .one();
        Map<String, Column> catalogColumns = new LinkedHashMap<>();
        handle.createQuery("SELECT a.attname AS name, t.typname AS typname, format_type(a.atttypid, a.atttypmod) AS formatted, "
                        + "a.attnotnull AS not_null FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                        + "WHERE a.attrelid = :oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")
                .bind("oid", oid.get())
                .map((rows, ctx) -> new Column(rows.getString("name"), ColumnType.ofPostgresType(rows.getString("typname")),
                        rows.getString("formatted"), rows.getBoolean("not_null")))
                .forEach(column -> catalogColumns.put(column.name(), column));

        List<Column> keys = columns(config.keys(), catalogColumns, where + "key ", config.table(), problems);
        List<Column> shown = columns(config.columns(), catalogColumns, where + "column ", config.table(), problems);
        Optional<Column> time = config.time() == null ? Optional.empty()
                : columns(List.of(config.time()), catalogColumns, where + "time column ", config.table(), problems).stream().findFirst();
        for (Column key : keys) {
            if (!key.type().canBeKey()) {
                problems.add(where + "key '" + key.name() + "' has type " + key.postgresType()
                        + ", which cannot be filtered on; use a text, number, boolean, uuid, date or timestamp column");
            }
            if (RESERVED_PARAMETERS.contains(key.name())) {
                problems.add(where + "key '" + key.name() + "' has the name of a query parameter " + RESERVED_PARAMETERS
                        + "; rename the column");
            }
        }
        time.filter(column -> !column.type().canBeTime()).ifPresent(column -> problems.add(where + "time column '"
                + column.name() + "' has type " + column.postgresType()
                + "; it must be timestamptz, timestamp, date or bigint (epoch milliseconds)"));
        List<Column> order = new ArrayList<>();
        time.ifPresent(order::add);
        order.addAll(keys);
        order.stream().filter(column -> !column.notNull()).forEach(column -> problems.add(where + "column '" + column.name()
                + "' orders the pages and must be NOT NULL in " + config.table()));
        if (problems.isEmpty() && !hasUniqueIndexWithin(handle, oid.get(), order)) {
            problems.add(where + "no primary key or unique index of " + config.table() + " is made only of "
                    + order.stream().map(Column::name).toList()
                    + " (keys + time column): pages would skip or repeat rows; declare the columns that make a row unique");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResultTable(apiName, (String) relation.get("schema"), (String) relation.get("relation"),
                keys, time, shown, new HashSet<>(config.roles()), config.description()));
    }

    private static List<Column> columns(List<String> names, Map<String, Column> catalog, String what, String table,
            List<String> problems) {
        List<Column> found = new ArrayList<>();
        for (String name : names) {
            Column column = catalog.get(name);
            if (column == null) {
                problems.add(what + "'" + name + "' does not exist in " + table + " (its columns: " + catalog.keySet() + ")");
            } else {
                found.add(column);
            }
        }
        return found;
    }

    private static boolean hasUniqueIndexWithin(Handle handle, long oid, List<Column> order) {
        Set<String> allowed = new HashSet<>();
        order.forEach(column -> allowed.add(column.name()));
        List<String[]> uniqueIndexes = handle.createQuery(
                        "SELECT array_agg(a.attname::text) AS columns FROM pg_index i "
                                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                                + "WHERE i.indrelid = :oid AND i.indisunique AND i.indpred IS NULL "
                                + "AND NOT 0 = ANY(i.indkey::int2[]) GROUP BY i.indexrelid")
                .bind("oid", oid)
                .map((rows, ctx) -> (String[]) rows.getArray("columns").getArray())
                .list();
        return uniqueIndexes.stream().anyMatch(columns -> allowed.containsAll(List.of(columns)));
    }
}
