package io.rtdp.schemaregistry.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.rtdp.schemaregistry.schema.AvroSchemaParser;
import io.rtdp.schemaregistry.schema.CompatibilityChecker;
import io.rtdp.schemaregistry.schema.CompatibilityLevel;
import io.rtdp.schemaregistry.schema.InvalidSchemaException;
import io.rtdp.schemaregistry.schema.ParsedSchema;
import io.rtdp.schemaregistry.store.LogEntry;
import io.rtdp.schemaregistry.store.RegistryState;
import io.rtdp.schemaregistry.store.SchemaLog;
import io.rtdp.schemaregistry.store.StoreException;
import io.rtdp.schemaregistry.store.StoredSchema;
import io.rtdp.schemaregistry.store.SubjectVersion;

/**
 * What the registry does, whatever the transport: reads answer from this instance's view of the
 * schemas topic; writes (to be called on the leader only) append to the topic.
 */
public final class SchemaRegistryService {
    public static final String AVRO = "AVRO";

    private final RegistryState state;
    private final SchemaLog log;
    private final CompatibilityLevel defaultLevel;
    private final AvroSchemaParser parser;
    /** One write at a time: ids and version numbers are computed from the view the write sees. */
    private final ReentrantLock writeLock = new ReentrantLock();

    public SchemaRegistryService(RegistryState state, SchemaLog log, CompatibilityLevel defaultLevel) {
        this.state = state;
        this.log = log;
        this.defaultLevel = defaultLevel;
        this.parser = new AvroSchemaParser(ref -> state.version(ref.subject(), ref.version())
                .flatMap(v -> state.schema(v.id()))
                .map(s -> new AvroSchemaParser.Referenced(s.schema(), s.references())));
    }

    // ---- reads ----

    public List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SubjectVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SubjectVersion::version).toList();
    }

    public VersionView version(String subject, String versionText, boolean includeDeleted) {
        SubjectVersion v = resolveVersion(subject, versionText, includeDeleted);
        return new VersionView(subject, v.version(), schemaOf(v));
    }

    public StoredSchema schemaById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    /** The highest id given so far (clients ask for it with {@code ?fetchMaxId=true}). */
    public int maxId() {
        return state.maxId();
    }

    public List<SubjectVersion> usesOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.usesOf(id, includeDeleted);
    }

    public List<String> subjectsOf(int id, boolean includeDeleted) {
        return new ArrayList<>(new LinkedHashSet<>(usesOf(id, includeDeleted).stream().map(SubjectVersion::subject).toList()));
    }

    /** The version of {@code subject} that holds this schema (POST /subjects/{s}). */
    public VersionView lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        List<SubjectVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        StoredSchema.Content content = contentOf(parse(request));
        for (int i = versions.size() - 1; i >= 0; i--) {
            SubjectVersion v = versions.get(i);
            StoredSchema s = schemaOf(v);
            if (s.content().equals(content)) {
                return new VersionView(subject, v.version(), s);
            }
        }
        throw RegistryException.schemaNotInSubject(subject);
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = state.subjectLevel(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw RegistryException.noSubjectLevel(subject);
    }

    /**
     * The incompatibilities of the schema with the given version ({@code null}: with the versions the
     * subject's level names); empty when compatible.
     */
    public List<String> compatibility(String subject, String versionText, SchemaRequest request) {
        ParsedSchema candidate = parse(request);
        CompatibilityLevel level = effectiveLevel(subject);
        List<CompatibilityChecker.Earlier> earlier;
        if (versionText == null) {
            earlier = earlierVersions(subject);
        } else {
            SubjectVersion v = resolveVersion(subject, versionText, false);
            boolean latest = isLatest(versionText);
            earlier = latest && level.transitive() ? earlierVersions(subject) : List.of(earlier(v));
            // A version named explicitly is checked on its own, whatever the level's transitivity.
            level = latest ? level : nonTransitive(level);
        }
        return CompatibilityChecker.incompatibilities(level, candidate.avro(), earlier);
    }

    // ---- writes (leader only) ----

    /** Registers the schema under the subject and returns its id; the same schema again returns the same id. */
    public int register(String subject, SchemaRequest request) {
        ParsedSchema parsed = parse(request);
        StoredSchema.Content content = contentOf(parsed);
        return write(() -> {
            for (SubjectVersion v : state.versions(subject, false)) {
                if (schemaOf(v).content().equals(content)) {
                    return v.id();
                }
            }
            List<String> problems = CompatibilityChecker.incompatibilities(effectiveLevel(subject), parsed.avro(),
                    earlierVersions(subject));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
            }
            int id = state.idOf(content).orElse(state.maxId() + 1);
            int version = state.highestVersion(subject) + 1;
            log.append(new LogEntry.SchemaVersionEntry(subject, version,
                    new StoredSchema(id, content.schemaType(), content.schema(), content.references()), false));
            SubjectVersion written = state.version(subject, version).orElse(null);
            if (written == null || written.id() != id) {
                throw new StoreException("another registry instance wrote version " + version + " of " + subject
                        + " at the same time; retry the request", null, false);
            }
            return id;
        });
    }

    public int deleteVersion(String subject, String versionText, boolean permanent) {
        return write(() -> {
            if (state.versions(subject, true).isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            // "latest" of a soft delete is the latest live version; a number may name a soft-deleted one.
            SubjectVersion v = resolveVersion(subject, versionText, permanent || !isLatest(versionText));
            if (!permanent && v.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, v.version());
            }
            if (permanent && !v.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, v.version());
            }
            if (permanent) {
                log.append(new LogEntry.IdWatermarkEntry(state.maxId()));
                log.append(new LogEntry.SchemaVersionEntry(subject, v.version(), null, false));
            } else {
                log.append(new LogEntry.SchemaVersionEntry(subject, v.version(), schemaOf(v), true));
            }
            return v.version();
        });
    }

    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return write(() -> {
            List<SubjectVersion> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SubjectVersion> live = state.versions(subject, false);
            List<Integer> deleted = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                log.append(new LogEntry.IdWatermarkEntry(state.maxId()));
                for (SubjectVersion v : all) {
                    log.append(new LogEntry.SchemaVersionEntry(subject, v.version(), null, false));
                    deleted.add(v.version());
                }
                if (state.subjectLevel(subject).isPresent()) {
                    log.append(new LogEntry.ConfigEntry(subject, null));
                }
            } else {
                if (live.isEmpty()) {
                    throw RegistryException.subjectSoftDeleted(subject);
                }
                for (SubjectVersion v : live) {
                    log.append(new LogEntry.SchemaVersionEntry(subject, v.version(), schemaOf(v), true));
                    deleted.add(v.version());
                }
            }
            return deleted;
        });
    }

    /** Sets the global level ({@code subject == null}) or a subject's. */
    public CompatibilityLevel setLevel(String subject, String levelText) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelText)
                .orElseThrow(() -> RegistryException.invalidCompatibility(levelText));
        return write(() -> {
            log.append(new LogEntry.ConfigEntry(subject, level));
            return level;
        });
    }

    /** Removes the global level (back to the configured default) or a subject's; returns the removed level. */
    public CompatibilityLevel deleteLevel(String subject) {
        return write(() -> {
            CompatibilityLevel old;
            if (subject == null) {
                old = globalLevel();
            } else {
                Optional<CompatibilityLevel> own = state.subjectLevel(subject);
                if (own.isEmpty()) {
                    throw state.versions(subject, true).isEmpty() ? RegistryException.subjectNotFound(subject)
                            : RegistryException.noSubjectLevel(subject);
                }
                old = own.get();
            }
            log.append(new LogEntry.ConfigEntry(subject, null));
            return old;
        });
    }

    /** Announces this instance as the one that writes; called when it is elected. */
    public void announceLeader(String url) {
        write(() -> {
            log.append(new LogEntry.LeaderEntry(url));
            return null;
        });
    }

    // ---- helpers ----

    private interface Write<T> {
        T run();
    }

    private <T> T write(Write<T> write) {
        writeLock.lock();
        try {
            // An instance just elected may not have applied the previous leader's last writes yet.
            log.awaitCaughtUp();
            return write.run();
        } finally {
            writeLock.unlock();
        }
    }

    private ParsedSchema parse(SchemaRequest request) {
        String type = request.schemaType() == null || request.schemaType().isBlank() ? AVRO : request.schemaType();
        if (!AVRO.equals(type)) {
            throw RegistryException.invalidSchema("Invalid schema: schemaType " + type
                    + " is not supported by this registry; the supported types are [AVRO] (see GET /schemas/types)");
        }
        try {
            return parser.parse(request.schema(), request.references() == null ? List.of() : request.references());
        } catch (InvalidSchemaException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    private static StoredSchema.Content contentOf(ParsedSchema parsed) {
        return new StoredSchema.Content(AVRO, parsed.canonical(), parsed.references());
    }

    private StoredSchema schemaOf(SubjectVersion v) {
        return state.schema(v.id()).orElseThrow(() -> new StoreException(
                "version " + v.version() + " of " + v.subject() + " names schema " + v.id() + ", which is missing", null, false));
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private static CompatibilityLevel nonTransitive(CompatibilityLevel level) {
        return switch (level) {
            case BACKWARD_TRANSITIVE -> CompatibilityLevel.BACKWARD;
            case FORWARD_TRANSITIVE -> CompatibilityLevel.FORWARD;
            case FULL_TRANSITIVE -> CompatibilityLevel.FULL;
            default -> level;
        };
    }

    /** The subject's live versions, newest first, parsed. */
    private List<CompatibilityChecker.Earlier> earlierVersions(String subject) {
        List<CompatibilityChecker.Earlier> earlier = new ArrayList<>();
        for (SubjectVersion v : state.versions(subject, false)) {
            earlier.add(earlier(v));
        }
        Collections.reverse(earlier);
        return earlier;
    }

    private CompatibilityChecker.Earlier earlier(SubjectVersion v) {
        StoredSchema s = schemaOf(v);
        try {
            return new CompatibilityChecker.Earlier(v.version(), parser.parse(s.schema(), s.references()).avro());
        } catch (InvalidSchemaException e) {
            throw new StoreException("registered version " + v.version() + " of " + v.subject() + " no longer parses: "
                    + e.getMessage(), e, false);
        }
    }

    private static boolean isLatest(String versionText) {
        return "latest".equals(versionText) || "-1".equals(versionText);
    }

    private SubjectVersion resolveVersion(String subject, String versionText, boolean includeDeleted) {
        List<SubjectVersion> versions = state.versions(subject, includeDeleted);
        if (isLatest(versionText)) {
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(versionText);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(versionText);
        }
        if (number < 1) {
            throw RegistryException.invalidVersion(versionText);
        }
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
    }
}
