package io.rtdp.schemaregistry;

import java.util.HashMap;
import java.util.Map;

import io.rtdp.schemaregistry.config.RegistryConfig;

/** Registry instances for the tests: on a free port, against the test's broker. */
final class Registries {
    private Registries() {
    }

    static SchemaRegistryServer start(String bootstrapServers, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                RegistryConfig.LISTENERS, "http://127.0.0.1:0",
                RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers,
                RegistryConfig.TOPIC_REPLICATION_FACTOR, "1"));
        settings.putAll(extra);
        return new SchemaRegistryServer(new RegistryConfig(settings)).start();
    }
}
