package io.rtdp.query.docs;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.query.live.KeyType;
import io.rtdp.query.live.LiveSource;

/** The OpenAPI paths of the live sources: the list, each table's key lookup, each source's event stream. */
final class LiveOperations {
    private static final Map<Integer, String> ERRORS = Map.of(
            400, "Invalid parameters; details lists each field",
            401, "Missing or wrong credentials",
            403, "The caller lacks a role this source requires",
            404, "Unknown source or key",
            429, "The KSQL server is at capacity; retry after the Retry-After header's seconds",
            502, "The KSQL server failed the query; the message names its error",
            503, "The KSQL server is unreachable or slow; retry after the Retry-After header's seconds");

    private final ObjectMapper json;

    LiveOperations(ObjectMapper json) {
        this.json = json;
    }

    void addTo(ObjectNode paths, Collection<LiveSource> sources) {
        ObjectNode list = get(paths.putObject("/v1/live"), "List the live sources (KSQL tables and streams)", "live");
        ok(list, "application/json", object());
        errors(list, List.of(401));
        for (LiveSource source : sources) {
            if (source.isTable()) {
                state(paths.putObject("/v1/live/" + source.name() + "/{" + source.key() + "}"), source);
            }
            events(paths.putObject("/v1/live/" + source.name()), source);
        }
    }

    private void state(ObjectNode path, LiveSource source) {
        ObjectNode get = get(path, (source.windowed() ? "The windows of one key of " : "The current row of one key of ")
                + source.name() + ", read now from the KSQL table " + source.source() + " (a pull query)", source.name());
        ArrayNode parameters = get.putArray("parameters");
        parameters.add(parameter(source.key(), "path", "Key column " + source.key(), keySchema(source.keyType()))
                .put("required", true));
        if (source.windowed()) {
            parameters.add(parameter("from", "query", "Windows starting at or after this (ISO-8601 with offset, a date, "
                    + "or epoch milliseconds)", string()));
            parameters.add(parameter("to", "query", "Windows starting before this", string()));
            ObjectNode items = object();
            items.putObject("properties").putObject("items").put("type", "array").set("items", object());
            ok(get, "application/json", items);
        } else {
            ok(get, "application/json", object());
        }
        errors(get, List.of(400, 401, 403, 404, 429, 502, 503));
    }

    private void events(ObjectNode path, LiveSource source) {
        ObjectNode get = get(path, "Server-sent events of " + source.name() + " (a push query on " + source.source()
                + "): an 'open' event with the columns, then one event per row whose data is the row as a JSON object; "
                + "comment lines as heartbeats", source.name());
        get.putArray("parameters").add(parameter("key", "query", "Only rows of this " + source.key(),
                keySchema(source.keyType())));
        ok(get, "text/event-stream", string());
        errors(get, List.of(400, 401, 403, 404, 429, 502, 503));
    }

    private ObjectNode get(ObjectNode path, String summary, String tag) {
        ObjectNode get = path.putObject("get").put("summary", summary);
        get.putArray("tags").add(tag);
        return get;
    }

    private void ok(ObjectNode get, String mediaType, ObjectNode schema) {
        get.with("responses").putObject("200").put("description", "OK").putObject("content").putObject(mediaType)
                .set("schema", schema);
    }

    private void errors(ObjectNode get, List<Integer> statuses) {
        for (int status : statuses) {
            get.with("responses").putObject(Integer.toString(status)).put("description", ERRORS.get(status))
                    .putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
    }

    private ObjectNode parameter(String name, String in, String description, ObjectNode schema) {
        ObjectNode parameter = json.createObjectNode().put("name", name).put("in", in).put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private ObjectNode keySchema(KeyType type) {
        return switch (type) {
            case STRING -> string();
            case INTEGER -> json.createObjectNode().put("type", "integer").put("format", "int32");
            case BIGINT -> json.createObjectNode().put("type", "integer").put("format", "int64");
        };
    }

    private ObjectNode string() {
        return json.createObjectNode().put("type", "string");
    }

    private ObjectNode object() {
        return json.createObjectNode().put("type", "object");
    }
}
