package io.rtdp.avro.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * A registry that lives in memory, with the registry's rules for ids (global, one id per distinct
 * schema, never reused) but no compatibility checks. ksqlDB's conformance runner uses such a mock
 * registry; tests that must register a schema under a fixed id use {@link #register(String, String, String, int)}.
 */
public final class InMemoryRegistryClient implements RegistryClient {
    private record Stored(String schemaType, String schema) {
    }

    private final Map<Integer, Stored> schemasById = new HashMap<>();
    private final Map<Integer, Schema> parsed = new HashMap<>();
    private final Map<String, List<Integer>> versions = new HashMap<>();
    private int nextId;

    public InMemoryRegistryClient() {
        this(1);
    }

    /** A registry whose ids start at {@code firstId}, to keep them apart from another registry's. */
    public InMemoryRegistryClient(int firstId) {
        this.nextId = firstId;
    }

    @Override
    public String urls() {
        return "in-memory";
    }

    @Override
    public int register(String subject, Schema schema) {
        return register(subject, "AVRO", schema.toString());
    }

    @Override
    public synchronized int register(String subject, String schemaType, String schema) {
        Stored stored = new Stored(schemaType, schema);
        List<Integer> ids = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : ids) {
            if (schemasById.get(id).equals(stored)) {
                return id;
            }
        }
        int id = schemasById.entrySet().stream().filter(e -> e.getValue().equals(stored)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> nextId++);
        schemasById.put(id, stored);
        ids.add(id);
        return id;
    }

    /** Registers the schema as the subject's next version under exactly this id. */
    public void register(String subject, Schema schema, int id) {
        register(subject, "AVRO", schema.toString(), id);
    }

    /** Registers a schema of any type as the subject's next version under exactly this id. */
    public synchronized void register(String subject, String schemaType, String schema, int id) {
        Stored stored = new Stored(schemaType, schema);
        Stored existing = schemasById.get(id);
        if (existing != null && !existing.equals(stored)) {
            throw new RegistryClientException(409, "Schema id " + id + " is already taken by another schema", null);
        }
        schemasById.put(id, stored);
        nextId = Math.max(nextId, id + 1);
        versions.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        List<Integer> ids = versions.get(subject);
        if (ids == null) {
            throw subjectNotFound(subject);
        }
        Stored wanted = new Stored("AVRO", schema.toString());
        return ids.stream().filter(id -> schemasById.get(id).equals(wanted)).findFirst()
                .orElseThrow(() -> new RegistryClientException(40403, "Schema not found under subject " + subject, null));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return parsed.computeIfAbsent(id, i -> avro(textById(i)));
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        SchemaText latest = latestText(subject);
        return new RegisteredSchema(latest.id(), latest.version(), schemaById(latest.id()));
    }

    @Override
    public synchronized SchemaText textById(int id) {
        Stored stored = schemasById.get(id);
        if (stored == null) {
            throw new RegistryClientException(40403, "Schema " + id + " not found", null);
        }
        return new SchemaText(id, 0, stored.schemaType(), stored.schema());
    }

    @Override
    public synchronized SchemaText latestText(String subject) {
        List<Integer> ids = versions.get(subject);
        if (ids == null || ids.isEmpty()) {
            throw subjectNotFound(subject);
        }
        int id = ids.get(ids.size() - 1);
        Stored stored = schemasById.get(id);
        return new SchemaText(id, ids.size(), stored.schemaType(), stored.schema());
    }

    private static Schema avro(SchemaText text) {
        if (!text.schemaType().equals("AVRO")) {
            throw new RegistryClientException(40403, "Schema " + text.id() + " is a " + text.schemaType()
                    + " schema, not an Avro one", null);
        }
        return new Schema.Parser().parse(text.schema());
    }

    private static RegistryClientException subjectNotFound(String subject) {
        return new RegistryClientException(40401, "Subject '" + subject + "' not found.", null);
    }
}
