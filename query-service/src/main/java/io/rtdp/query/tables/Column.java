package io.rtdp.query.tables;

/** A column as PostgreSQL's catalog describes it; {@code name} is the catalog's exact spelling. */
public record Column(String name, ColumnType type, String postgresType, boolean notNull) {
    /** The name as an SQL identifier; it comes from the catalog, quoting only guards its spelling. */
    public String sql() {
        return SqlIdentifiers.quote(name);
    }
}
