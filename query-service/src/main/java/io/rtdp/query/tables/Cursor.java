package io.rtdp.query.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a page ended: the ordering values of its last row, for the table and order it was read in.
 * Opaque to clients (base64url of a small JSON document); its values are parsed by column type and
 * bound as parameters like any other.
 */
public record Cursor(String table, SortOrder order, List<Object> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode(List<Column> orderColumns) {
        ObjectNode node = JSON.createObjectNode().put("t", table).put("o", order.name());
        ArrayNode encoded = node.putArray("v");
        for (int i = 0; i < orderColumns.size(); i++) {
            encoded.add(String.valueOf(values.get(i)));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public static Cursor decode(String text, ResultTable table) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("is not a cursor this service returned");
        }
        List<Column> columns = table.orderColumns();
        if (node == null || !table.apiName().equals(node.path("t").asText()) || !node.path("v").isArray()
                || node.path("v").size() != columns.size()) {
            throw new IllegalArgumentException("is not a cursor of " + table.apiName());
        }
        SortOrder order;
        try {
            order = SortOrder.valueOf(node.path("o").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor this service returned");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            values.add(columns.get(i).type().parse(node.path("v").get(i).asText()));
        }
        return new Cursor(table.apiName(), order, values);
    }
}
