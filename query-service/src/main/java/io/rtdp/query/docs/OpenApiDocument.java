package io.rtdp.query.docs;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.query.auth.ApiKeyAuthFilter;
import io.rtdp.query.live.LiveSource;
import io.rtdp.query.tables.Column;
import io.rtdp.query.tables.ResultTable;

/**
 * The OpenAPI 3.0 description of the service, made from the tables as checked at start-up: each
 * table gets its own paths, parameters and row schema, typed from PostgreSQL's catalog.
 */
public final class OpenApiDocument {
    private static final List<Integer> ERROR_STATUSES = List.of(400, 401, 403, 404, 503);

    private final ObjectMapper json;

    public OpenApiDocument(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode build(Collection<ResultTable> tables, Collection<LiveSource> live, int maxPageSize) {
        ObjectNode document = json.createObjectNode().put("openapi", "3.0.3");
        document.putObject("info").put("title", "rtdp query service").put("version", "1")
                .put("description", "Results of the rtdp pipelines: history from PostgreSQL (/v1), live state and changes "
                        + "from the KSQL server (/v1/live). Every error has the shape {code, message, details}.");
        ArrayNode security = document.putArray("security");
        security.addObject().putArray("apiKey");
        security.addObject().putArray("basic");
        ObjectNode paths = document.putObject("paths");
        paths.set("/v1", operation("List the tables this service serves", "tables", json.createObjectNode()
                .put("$ref", "#/components/schemas/TableList"), json.createArrayNode()));
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Error", errorSchema());
        schemas.set("TableList", tableListSchema());
        for (ResultTable table : tables) {
            schemas.set(rowSchemaName(table), rowSchema(table));
            schemas.set(pageSchemaName(table), pageSchema(table));
            paths.set("/v1/" + table.apiName(), operation(listSummary(table), table.apiName(),
                    ref(pageSchemaName(table)), listParameters(table, maxPageSize)));
            paths.set(currentPath(table), operation("The current row of one key of " + table.apiName()
                            + (table.time().isPresent() ? " (the latest by " + table.time().get().name() + ")" : ""),
                    table.apiName(), ref(rowSchemaName(table)), keyPathParameters(table)));
        }
        if (!live.isEmpty()) {
            new LiveOperations(json).addTo(paths, live);
        }
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", ApiKeyAuthFilter.HEADER);
        securitySchemes.putObject("basic").put("type", "http").put("scheme", "basic");
        return document;
    }

    private static String listSummary(ResultTable table) {
        String base = "Rows of " + table.apiName() + ", ordered by " + table.orderColumns().stream().map(Column::name).toList()
                + ", one page at a time";
        return table.description().isBlank() ? base : table.description() + ". " + base;
    }

    private static String currentPath(ResultTable table) {
        StringBuilder path = new StringBuilder("/v1/" + table.apiName());
        table.keys().forEach(key -> path.append("/{").append(key.name()).append('}'));
        return path.toString();
    }

    private ObjectNode operation(String summary, String tag, ObjectNode okSchema, ArrayNode parameters) {
        ObjectNode item = json.createObjectNode();
        ObjectNode get = item.putObject("get").put("summary", summary);
        get.putArray("tags").add(tag);
        get.set("parameters", parameters);
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "OK; the ETag header allows a conditional request")
                .putObject("content").putObject("application/json").set("schema", okSchema);
        responses.putObject("304").put("description", "Not modified since the ETag in If-None-Match");
        for (int status : ERROR_STATUSES) {
            responses.putObject(Integer.toString(status)).put("description", errorDescription(status))
                    .putObject("content").putObject("application/json").set("schema", ref("Error"));
        }
        return item;
    }

    private static String errorDescription(int status) {
        return switch (status) {
            case 400 -> "Invalid parameters; details lists each field";
            case 401 -> "Missing or wrong credentials";
            case 403 -> "The caller lacks a role this table requires";
            case 404 -> "Unknown table or key";
            case 503 -> "PostgreSQL unavailable; retry after the Retry-After header's seconds";
            default -> "Error";
        };
    }

    private ArrayNode listParameters(ResultTable table, int maxPageSize) {
        ArrayNode parameters = json.createArrayNode();
        for (Column key : table.keys()) {
            parameters.add(parameter(key.name(), "query", "Only rows whose " + key.name() + " equals this", columnSchema(key)));
        }
        table.time().ifPresent(time -> {
            ObjectNode instant = json.createObjectNode().put("type", "string");
            parameters.add(parameter("from", "query", "Rows whose " + time.name()
                    + " is at or after this (ISO-8601 with offset, a date, or epoch milliseconds)", instant));
            parameters.add(parameter("to", "query", "Rows whose " + time.name() + " is before this", instant.deepCopy()));
        });
        ObjectNode order = json.createObjectNode().put("type", "string");
        order.putArray("enum").add("asc").add("desc");
        order.put("default", table.time().isPresent() ? "desc" : "asc");
        parameters.add(parameter("order", "query", "Direction of the ordering", order));
        parameters.add(parameter("limit", "query", "Rows per page; at most " + maxPageSize + " are returned",
                json.createObjectNode().put("type", "integer").put("minimum", 1)));
        parameters.add(parameter("cursor", "query", "The nextCursor of the previous page",
                json.createObjectNode().put("type", "string")));
        return parameters;
    }

    private ArrayNode keyPathParameters(ResultTable table) {
        ArrayNode parameters = json.createArrayNode();
        table.keys().forEach(key -> parameters.add(parameter(key.name(), "path", "Key column " + key.name(), columnSchema(key))
                .put("required", true)));
        return parameters;
    }

    private ObjectNode parameter(String name, String in, String description, ObjectNode schema) {
        ObjectNode parameter = json.createObjectNode().put("name", name).put("in", in).put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private ObjectNode rowSchema(ResultTable table) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        table.columns().forEach(column -> properties.set(column.name(), columnSchema(column)));
        return schema;
    }

    private ObjectNode pageSchema(ResultTable table) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("items").put("type", "array").set("items", ref(rowSchemaName(table)));
        properties.putObject("nextCursor").put("type", "string").put("nullable", true)
                .put("description", "Pass as cursor to read the next page; null on the last page");
        properties.putObject("next").put("type", "string").put("nullable", true)
                .put("description", "The path and query of the next page");
        return schema;
    }

    private ObjectNode columnSchema(Column column) {
        ObjectNode schema = json.createObjectNode().put("type", column.type().jsonType());
        if (column.type().jsonFormat() != null) {
            schema.put("format", column.type().jsonFormat());
        }
        schema.put("description", "PostgreSQL " + column.postgresType());
        if (!column.notNull()) {
            schema.put("nullable", true);
        }
        return schema;
    }

    private ObjectNode errorSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.putArray("required").add("code").add("message").add("details");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("code").put("type", "string");
        properties.putObject("message").put("type", "string");
        ObjectNode field = properties.putObject("details").put("type", "array").putObject("items").put("type", "object");
        field.putObject("properties").<ObjectNode>set("field", json.createObjectNode().put("type", "string"))
                .set("message", json.createObjectNode().put("type", "string"));
        return schema;
    }

    private ObjectNode tableListSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode table = schema.putObject("properties").putObject("tables").put("type", "array").putObject("items")
                .put("type", "object");
        ObjectNode properties = table.putObject("properties");
        properties.putObject("name").put("type", "string");
        properties.putObject("description").put("type", "string");
        properties.putObject("keys").put("type", "array").putObject("items").put("type", "string");
        properties.putObject("time").put("type", "string").put("nullable", true);
        properties.putObject("columns").put("type", "array").putObject("items").put("type", "string");
        return schema;
    }

    private ObjectNode ref(String schema) {
        return json.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static String rowSchemaName(ResultTable table) {
        return table.apiName() + "_row";
    }

    private static String pageSchemaName(ResultTable table) {
        return table.apiName() + "_page";
    }
}
