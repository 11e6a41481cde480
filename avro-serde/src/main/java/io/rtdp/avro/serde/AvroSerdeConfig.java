package io.rtdp.avro.serde;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

import io.rtdp.avro.client.SchemaRegistryClient;

/**
 * The serializer's, deserializer's and converter's settings, under Confluent's names so that
 * existing client and connector configurations carry over unchanged.
 */
public final class AvroSerdeConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private final Map<String, ?> configs;

    public AvroSerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    public SchemaRegistryClient client() {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "missing: set it to the schema registry, e.g. http://localhost:8081");
        }
        Object ttlSetting = configs.get(LATEST_CACHE_TTL_SEC);
        long ttl = ttlSetting == null ? 30 : Long.parseLong(ttlSetting.toString().trim());
        return new SchemaRegistryClient(url.toString(), Duration.ofSeconds(ttl));
    }

    public boolean autoRegisterSchemas() {
        return flag(AUTO_REGISTER_SCHEMAS, true);
    }

    public boolean useLatestVersion() {
        return flag(USE_LATEST_VERSION, false);
    }

    public boolean specificAvroReader() {
        return flag(SPECIFIC_AVRO_READER, false);
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        Object configured = configs.get(key);
        if (configured == null) {
            return new TopicNameStrategy();
        }
        if (configured instanceof Class<?> type) {
            configured = type.getName();
        }
        String name = configured.toString().trim();
        // Confluent's class names are accepted too: configurations written for its serializers keep working.
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return switch (simple) {
            case "TopicNameStrategy" -> new TopicNameStrategy();
            case "RecordNameStrategy" -> new RecordNameStrategy();
            case "TopicRecordNameStrategy" -> new TopicRecordNameStrategy();
            default -> instantiate(key, name);
        };
    }

    private static SubjectNameStrategy instantiate(String key, String className) {
        try {
            Class<?> type = Class.forName(className, true, AvroSerdeConfig.class.getClassLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(key, className, "not a " + SubjectNameStrategy.class.getName());
            }
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, className, "cannot instantiate it (" + e + "); use TopicNameStrategy,"
                    + " RecordNameStrategy, TopicRecordNameStrategy or a class with a public no-argument constructor");
        }
    }

    private boolean flag(String key, boolean fallback) {
        Object v = configs.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v.toString().trim());
    }
}
