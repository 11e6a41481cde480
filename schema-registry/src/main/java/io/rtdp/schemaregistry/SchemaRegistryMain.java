package io.rtdp.schemaregistry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.config.RegistryConfig;

/**
 * Runs one schema registry instance: {@code SchemaRegistryMain <config.properties|config.yaml>}.
 * Logs one line "Schema registry ready at <url>" once it serves requests; stops on SIGTERM/Ctrl-C.
 */
public final class SchemaRegistryMain {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryMain.class);

    private SchemaRegistryMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: SchemaRegistryMain <config.properties|config.yaml>\n"
                    + "  keys: listeners (http://0.0.0.0:8081), kafkastore.bootstrap.servers (required),\n"
                    + "        kafkastore.topic (_schemas), host.name, schema.compatibility.level (BACKWARD),\n"
                    + "        kafkastore.timeout.ms (10000), schema.registry.group.id (schema-registry), leader.eligibility (true)"
                    + (args.length == 1 ? "\nno such file: " + args[0] : ""));
            System.exit(2);
        }
        try {
            RegistryConfig config = RegistryConfig.load(Path.of(args[0]));
            SchemaRegistryServer server = new SchemaRegistryServer(config).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "schema-registry-shutdown"));
            LOG.info("Schema registry ready at {} (schemas in topic {} on {}, {})", server.url(), config.topic(),
                    config.bootstrapServers(), server.isLeader() ? "leader" : "follower of " + server.leaderUrl().orElse("?"));
        } catch (RuntimeException e) {
            LOG.error("Schema registry failed to start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
