package io.rtdp.query.ksql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@code /query-stream}'s delimited format ({@code application/vnd.ksqlapi.delimited.v1},
 * SPEC §4.5): a metadata object first, then one JSON array per row; an error object (SPEC §4.8)
 * may end the stream. Blank lines are keep-alives.
 */
final class QueryStreamLines {
    /** One understood line. */
    sealed interface Line permits Metadata, Row, Failure {
    }

    record Metadata(QueryMetadata metadata) implements Line {
    }

    record Row(JsonNode values) implements Line {
    }

    record Failure(KsqlError error) implements Line {
    }

    private final ObjectMapper json;

    QueryStreamLines(ObjectMapper json) {
        // DECIMAL values keep their digits (12.50 stays 12.50), as the KSQL server wrote them.
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The line's meaning, or null for a blank line. */
    Line parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node = read(line);
        if (node.isArray()) {
            return new Row(node);
        }
        if (node.isObject() && node.has("error_code")) {
            return new Failure(error(node, node.path("error_code").asInt() / 100));
        }
        if (node.isObject() && node.path("columnNames").isArray()) {
            return new Metadata(new QueryMetadata(node.path("queryId").asText(null), texts(node.path("columnNames")),
                    texts(node.path("columnTypes"))));
        }
        throw new IllegalArgumentException("unexpected line from the KSQL server: " + abbreviate(line));
    }

    /** A row as column name → value, in the metadata's column order. */
    ObjectNode row(QueryMetadata metadata, JsonNode values) {
        if (values.size() != metadata.columnNames().size()) {
            throw new IllegalArgumentException("a row of " + values.size() + " values for " + metadata.columnNames().size()
                    + " columns " + metadata.columnNames() + " from the KSQL server");
        }
        ObjectNode row = json.createObjectNode();
        for (int i = 0; i < values.size(); i++) {
            row.set(metadata.columnNames().get(i), values.get(i));
        }
        return row;
    }

    /** The error a non-2xx answer carries: its error object, else its text. */
    KsqlError refusal(int status, String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject() && node.has("error_code")) {
                return error(node, status);
            }
        } catch (IOException notJson) {
            // Not every refusal is an error object (an unknown path answers plain "Not Found").
        }
        return new KsqlError(status, 0, body.isBlank() ? "HTTP " + status : abbreviate(body.strip()));
    }

    private static KsqlError error(JsonNode node, int status) {
        return new KsqlError(status, node.path("error_code").asInt(), node.path("message").asText(""));
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON from the KSQL server: " + abbreviate(line), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
