package io.rtdp.schemaregistry;

import java.util.HashMap;
import java.util.Map;

import io.rtdp.schemaregistry.config.RegistryConfig;

/**
 * Registry instances for tests: in-process, on a free port, against the test's broker. Shared with
 * the other modules' tests through schema-registry's test-jar; a test class that wants one registry
 * for all its tests registers {@link RegistryExtension} instead.
 */
public final class Registries {
    private Registries() {
    }

    public static SchemaRegistryServer start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    /** {@code extra} adds to or overrides the test settings. */
    public static SchemaRegistryServer start(String bootstrapServers, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                RegistryConfig.LISTENERS, "http://127.0.0.1:0",
                RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers,
                RegistryConfig.TOPIC_REPLICATION_FACTOR, "1"));
        settings.putAll(extra);
        return new SchemaRegistryServer(new RegistryConfig(settings)).start();
    }
}
