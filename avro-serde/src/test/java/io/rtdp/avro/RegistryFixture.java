package io.rtdp.avro;

import java.util.Map;

import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.schemaregistry.config.RegistryConfig;

/** A real schema registry for the tests, in-process, on a free port, against the test's broker. */
final class RegistryFixture {
    private RegistryFixture() {
    }

    static SchemaRegistryServer start(String bootstrapServers) {
        return new SchemaRegistryServer(new RegistryConfig(Map.of(
                RegistryConfig.LISTENERS, "http://127.0.0.1:0",
                RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers,
                RegistryConfig.TOPIC_REPLICATION_FACTOR, "1"))).start();
    }
}
