package io.rtdp.schemaregistry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.schema.CompatibilityLevel;

/**
 * The registry's in-memory view, built only by applying the schemas topic in order: every instance
 * that has read the same records holds the same view. Records that contradict earlier ones (an id
 * already given to another schema, a version already holding another id) are ignored the same way
 * everywhere, so the first record in the log wins.
 */
public final class RegistryState {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<StoredSchema.Content, Integer> idsByContent = new HashMap<>();
    private final Map<Integer, Integer> versionsUsingId = new HashMap<>();
    private final Map<String, NavigableMap<Integer, SubjectVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;
    private String leaderUrl;

    synchronized void apply(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaVersionEntry e) {
            applySchemaVersion(e);
        } else if (entry instanceof LogEntry.ConfigEntry e) {
            if (e.subject() == null) {
                globalLevel = e.level();
            } else if (e.level() == null) {
                subjectLevels.remove(e.subject());
            } else {
                subjectLevels.put(e.subject(), e.level());
            }
        } else if (entry instanceof LogEntry.LeaderEntry e) {
            leaderUrl = e.url();
        } else if (entry instanceof LogEntry.IdWatermarkEntry e) {
            maxId = Math.max(maxId, e.maxId());
        }
    }

    private void applySchemaVersion(LogEntry.SchemaVersionEntry e) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(e.subject());
        SubjectVersion existing = versions == null ? null : versions.get(e.version());
        if (e.schema() == null) {
            if (existing != null) {
                versions.remove(e.version());
                release(existing.id());
                if (versions.isEmpty()) {
                    subjects.remove(e.subject());
                }
            }
            return;
        }
        StoredSchema schema = e.schema();
        StoredSchema holder = schemasById.get(schema.id());
        if (holder != null && !holder.content().equals(schema.content())) {
            LOG.warn("Ignoring record for {} version {}: id {} already belongs to another schema", e.subject(), e.version(), schema.id());
            return;
        }
        if (existing != null && existing.id() != schema.id()) {
            LOG.warn("Ignoring record for {} version {}: that version already holds id {}", e.subject(), e.version(), existing.id());
            return;
        }
        if (holder == null) {
            schemasById.put(schema.id(), schema);
            idsByContent.putIfAbsent(schema.content(), schema.id());
        }
        if (existing == null) {
            versionsUsingId.merge(schema.id(), 1, Integer::sum);
        }
        maxId = Math.max(maxId, schema.id());
        subjects.computeIfAbsent(e.subject(), s -> new TreeMap<>())
                .put(e.version(), new SubjectVersion(e.subject(), e.version(), schema.id(), e.deleted()));
    }

    private void release(int id) {
        if (versionsUsingId.merge(id, -1, Integer::sum) <= 0) {
            versionsUsingId.remove(id);
            StoredSchema gone = schemasById.remove(id);
            if (gone != null) {
                idsByContent.remove(gone.content(), id);
            }
        }
    }

    public synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    /** The versions of a subject, oldest first; empty when the subject has none (visible). */
    public synchronized List<SubjectVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    public synchronized Optional<SubjectVersion> version(String subject, int version) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /** The highest version number the subject ever had that is still in the log (soft-deleted ones too). */
    public synchronized int highestVersion(String subject) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    public synchronized Optional<StoredSchema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    public synchronized Optional<Integer> idOf(StoredSchema.Content content) {
        return Optional.ofNullable(idsByContent.get(content));
    }

    /** Every subject version that uses the id, in subject then version order. */
    public synchronized List<SubjectVersion> usesOf(int id, boolean includeDeleted) {
        List<SubjectVersion> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().forEach(v -> {
            if (v.id() == id && (includeDeleted || !v.deleted())) {
                uses.add(v);
            }
        }));
        return uses;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    public synchronized int maxId() {
        return maxId;
    }

    public synchronized Optional<String> leaderUrl() {
        return Optional.ofNullable(leaderUrl);
    }
}
