package io.rtdp.schemaregistry;

import io.rtdp.testkit.KafkaBrokerExtension;
import io.rtdp.testkit.ServerExtension;

/**
 * A real schema registry in the test JVM for one test class, against the class's broker (see
 * {@link Registries}). Register it after the broker, both on static fields:
 * <pre>
 * {@literal @}RegisterExtension {@literal @}Order(1) static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 * {@literal @}RegisterExtension {@literal @}Order(2) static final RegistryExtension registry = new RegistryExtension(kafka);
 * </pre>
 */
public final class RegistryExtension extends ServerExtension {
    private final KafkaBrokerExtension kafka;
    private SchemaRegistryServer server;

    public RegistryExtension(KafkaBrokerExtension kafka) {
        this.kafka = kafka;
    }

    @Override
    public synchronized RegistryExtension start() {
        if (server == null) {
            server = Registries.start(kafka.bootstrapServers());
        }
        return this;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The registry's base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        if (server == null) {
            throw new IllegalStateException("the schema registry is not started: register RegistryExtension on a static"
                    + " field with @RegisterExtension, after the broker");
        }
        return server.url();
    }
}
