package io.rtdp.schemaregistry.store;

import io.rtdp.schemaregistry.schema.CompatibilityLevel;

/** One record of the schemas topic, decoded. The topic is compacted: the key says what a record replaces. */
public sealed interface LogEntry {
    /** A subject's version: registered, soft-deleted ({@code deleted}), or gone ({@code schema == null}: a tombstone). */
    record SchemaVersionEntry(String subject, int version, StoredSchema schema, boolean deleted) implements LogEntry {
    }

    /** The compatibility level of a subject, or the global one ({@code subject == null}); null level removes it. */
    record ConfigEntry(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** The instance that performs writes now, and where to forward them. */
    record LeaderEntry(String url) implements LogEntry {
    }

    /**
     * The highest id ever given. Written before a permanent delete so that compaction cannot take the
     * highest id away with its tombstone, which would let a later schema reuse the id.
     */
    record IdWatermarkEntry(int maxId) implements LogEntry {
    }
}
