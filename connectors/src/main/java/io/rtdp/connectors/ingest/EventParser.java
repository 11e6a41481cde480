package io.rtdp.connectors.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a request body of JSON events: one object, an array of objects, or objects one per line
 * (NDJSON; any whitespace between them works). All or nothing: the first problem rejects the whole
 * body, naming its line, the event and the field.
 */
final class EventParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One event: its key (null without a key field) and its value as Connect's schemaless data. */
    record Event(String key, Map<String, Object> value) {
    }

    private final List<String> keyPath;

    EventParser(List<String> keyPath) {
        this.keyPath = List.copyOf(keyPath);
    }

    List<Event> parse(byte[] body) throws MalformedRequestException {
        List<Event> events = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new MalformedRequestException(1, 0, "empty body: send a JSON object, an array of objects, or one object per line");
            }
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new MalformedRequestException(line(parser), events.size() + 1, "the array is not closed: ] is missing");
                    }
                    events.add(event(parser, token, events.size() + 1));
                }
                if (parser.nextToken() != null) {
                    throw new MalformedRequestException(line(parser), 0, "content after the closing ] of the array");
                }
            } else {
                for (; token != null; token = parser.nextToken()) {
                    events.add(event(parser, token, events.size() + 1));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedRequestException(line, events.size() + 1, "malformed JSON at line " + line
                    + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body cannot fail", e);
        }
        if (events.isEmpty()) {
            throw new MalformedRequestException(1, 0, "no events: the array is empty");
        }
        return events;
    }

    private Event event(JsonParser parser, JsonToken token, int position) throws IOException, MalformedRequestException {
        int line = line(parser);
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedRequestException(line, position, "event " + position + " at line " + line + " is not a JSON object but " + token.asString()
                    + "; each event must be an object {...}");
        }
        JsonNode node = parser.readValueAsTree();
        return new Event(key(node, line, position), object(node));
    }

    private String key(JsonNode event, int line, int position) throws MalformedRequestException {
        if (keyPath.isEmpty()) {
            return null;
        }
        JsonNode node = event;
        for (String part : keyPath) {
            node = node.path(part);
        }
        String field = String.join(".", keyPath);
        if (node.isMissingNode() || node.isNull()) {
            throw new MalformedRequestException(line, position, "event " + position + " at line " + line + " has no key field '" + field
                    + "'; every event needs it (key.field)");
        }
        if (node.isContainerNode()) {
            throw new MalformedRequestException(line, position, "event " + position + " at line " + line + ": key field '" + field
                    + "' must be a string, number or boolean, not an " + (node.isArray() ? "array" : "object"));
        }
        return node.asText();
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), value(field.getValue()));
        }
        return map;
    }

    /** JSON as Connect's schemaless values: what JsonConverter (schemas.enable=false) writes back unchanged. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }
}
