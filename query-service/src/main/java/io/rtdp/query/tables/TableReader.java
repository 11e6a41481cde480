package io.rtdp.query.tables;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads pages and single rows of result tables. The statement text is made only of catalog names
 * held by {@link ResultTable}; every value from a request is a bound parameter.
 */
public final class TableReader {
    private final BoundedDatabase database;
    private final ObjectMapper json;

    public TableReader(BoundedDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    public Page page(ResultTable table, PageRequest request) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> parameters = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<Column, Object> filter : request.keyFilters().entrySet()) {
            String parameter = "k" + k++;
            where.add(filter.getKey().sql() + " = :" + parameter);
            parameters.put(parameter, filter.getValue());
        }
        table.time().ifPresent(time -> {
            request.from().ifPresent(from -> {
                where.add(time.sql() + " >= :from");
                parameters.put("from", time.type().fromInstant(from));
            });
            request.to().ifPresent(to -> {
                where.add(time.sql() + " < :to");
                parameters.put("to", time.type().fromInstant(to));
            });
        });
        List<Column> order = table.orderColumns();
        request.after().ifPresent(cursor -> {
            StringJoiner columns = new StringJoiner(", ", "(", ")");
            StringJoiner values = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < order.size(); i++) {
                columns.add(order.get(i).sql());
                values.add(":c" + i);
                parameters.put("c" + i, cursor.values().get(i));
            }
            where.add(columns + " " + request.order().seek() + " " + values);
        });
        StringJoiner orderBy = new StringJoiner(", ", " ORDER BY ", "");
        order.forEach(column -> orderBy.add(column.sql() + " " + request.order().sql()));
        String sql = select(table) + where + orderBy + " LIMIT :limit";
        parameters.put("limit", request.limit() + 1);

        List<Map<String, Object>> rows = database.withHandle(handle -> bound(handle.createQuery(sql), parameters)
                .map((resultSet, ctx) -> readRow(table, resultSet))
                .list());
        if (rows.size() <= request.limit()) {
            return new Page(shown(table, rows), Optional.empty());
        }
        List<Map<String, Object>> page = rows.subList(0, request.limit());
        Map<String, Object> last = page.get(page.size() - 1);
        List<Object> position = order.stream().map(column -> last.get(column.name())).toList();
        return new Page(shown(table, page), Optional.of(new Cursor(table.apiName(), request.order(), position)));
    }

    /** The row of these key values: the only one, or the latest by the table's time column. */
    public Optional<Map<String, Object>> current(ResultTable table, Map<Column, Object> keys) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        Map<String, Object> parameters = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<Column, Object> key : keys.entrySet()) {
            String parameter = "k" + k++;
            where.add(key.getKey().sql() + " = :" + parameter);
            parameters.put(parameter, key.getValue());
        }
        String orderBy = table.time().map(time -> " ORDER BY " + time.sql() + " DESC").orElse("");
        String sql = select(table) + where + orderBy + " LIMIT 1";
        return database.withHandle(handle -> bound(handle.createQuery(sql), parameters)
                        .map((resultSet, ctx) -> readRow(table, resultSet))
                        .findOne())
                .map(row -> shown(table, List.of(row)).get(0));
    }

    private static String select(ResultTable table) {
        StringJoiner columns = new StringJoiner(", ", "SELECT ", " FROM " + table.sqlName());
        table.selectedColumns().forEach(column -> columns.add(column.sql()));
        return columns.toString();
    }

    /** No query timeout: PostgreSQL applies one itself (see {@link PostgresPool}). */
    private static Query bound(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::bind);
        return query;
    }

    private Map<String, Object> readRow(ResultTable table, ResultSet resultSet) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : table.selectedColumns()) {
            Object value = column.type().read(resultSet, column.name());
            if (column.type() == ColumnType.JSON && value != null) {
                try {
                    value = json.readTree((String) value);
                } catch (JsonProcessingException e) {
                    throw new SQLException("column " + column.name() + " holds invalid JSON", e);
                }
            }
            row.put(column.name(), value);
        }
        return row;
    }

    private static List<Map<String, Object>> shown(ResultTable table, List<Map<String, Object>> rows) {
        List<Map<String, Object>> shown = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> visible = new LinkedHashMap<>();
            table.columns().forEach(column -> visible.put(column.name(), row.get(column.name())));
            shown.add(visible);
        }
        return shown;
    }
}
