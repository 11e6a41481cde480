package io.rtdp.schemaregistry.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rtdp.schemaregistry.schema.CompatibilityLevel;
import io.rtdp.schemaregistry.schema.SchemaReference;

/**
 * The JSON layout of the schemas topic's keys and values. Keys name what a record is about
 * ({@code keytype} and its identity), so that compaction keeps the last state of each thing.
 */
public final class LogRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogRecords() {
    }

    /** A key and a value (null for a tombstone), ready to produce. */
    public record Encoded(byte[] key, byte[] value) {
    }

    public static Encoded encode(LogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        boolean tombstone = false;
        if (entry instanceof LogEntry.SchemaVersionEntry e) {
            key.put("keytype", "SCHEMA").put("subject", e.subject()).put("version", e.version());
            if (e.schema() == null) {
                tombstone = true;
            } else {
                value.put("subject", e.subject()).put("version", e.version()).put("id", e.schema().id())
                        .put("schemaType", e.schema().schemaType()).put("schema", e.schema().schema())
                        .put("deleted", e.deleted());
                ArrayNode refs = value.putArray("references");
                for (SchemaReference r : e.schema().references()) {
                    refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version());
                }
            }
        } else if (entry instanceof LogEntry.ConfigEntry e) {
            key.put("keytype", "CONFIG");
            if (e.subject() != null) {
                key.put("subject", e.subject());
            }
            if (e.level() == null) {
                tombstone = true;
            } else {
                value.put("compatibilityLevel", e.level().name());
            }
        } else if (entry instanceof LogEntry.LeaderEntry e) {
            key.put("keytype", "LEADER");
            value.put("url", e.url());
        } else if (entry instanceof LogEntry.IdWatermarkEntry e) {
            key.put("keytype", "ID_WATERMARK");
            value.put("max_id", e.maxId());
        }
        return new Encoded(bytes(key), tombstone ? null : bytes(value));
    }

    /** The entry of a record; empty for records this version does not know (written by a newer one). */
    public static Optional<LogEntry> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
        JsonNode key = JSON.readTree(keyBytes);
        JsonNode value = valueBytes == null ? null : JSON.readTree(valueBytes);
        switch (key.path("keytype").asText()) {
            case "SCHEMA": {
                String subject = key.path("subject").asText();
                int version = key.path("version").asInt();
                if (value == null) {
                    return Optional.of(new LogEntry.SchemaVersionEntry(subject, version, null, false));
                }
                List<SchemaReference> refs = new ArrayList<>();
                value.path("references").forEach(r -> refs.add(new SchemaReference(
                        r.path("name").asText(), r.path("subject").asText(), r.path("version").asInt())));
                StoredSchema schema = new StoredSchema(value.path("id").asInt(), value.path("schemaType").asText("AVRO"),
                        value.path("schema").asText(), List.copyOf(refs));
                return Optional.of(new LogEntry.SchemaVersionEntry(subject, version, schema, value.path("deleted").asBoolean()));
            }
            case "CONFIG": {
                String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
                CompatibilityLevel level = value == null ? null
                        : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()).orElse(null);
                return Optional.of(new LogEntry.ConfigEntry(subject, level));
            }
            case "LEADER":
                return value == null ? Optional.empty() : Optional.of(new LogEntry.LeaderEntry(value.path("url").asText()));
            case "ID_WATERMARK":
                return value == null ? Optional.empty() : Optional.of(new LogEntry.IdWatermarkEntry(value.path("max_id").asInt()));
            default:
                return Optional.empty();
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
