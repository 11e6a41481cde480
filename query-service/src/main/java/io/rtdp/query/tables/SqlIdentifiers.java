package io.rtdp.query.tables;

final class SqlIdentifiers {
    private SqlIdentifiers() {
    }

    /**
     * Quotes a name taken from PostgreSQL's catalog. Names never come from a request; quoting keeps
     * the catalog's exact spelling (upper case, reserved words) valid in the statement.
     */
    static String quote(String catalogName) {
        return '"' + catalogName.replace("\"", "\"\"") + '"';
    }
}
