package io.rtdp.query.tables;

public enum SortOrder {
    ASC, DESC;

    String sql() {
        return name();
    }

    /** The row comparison that seeks past a cursor in this order. */
    String seek() {
        return this == ASC ? ">" : "<";
    }
}
