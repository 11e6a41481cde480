package io.rtdp.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Apache Kafka server in KRaft mode: one process that is both broker and controller.
 * Runs in-process (tests) or as its own JVM through {@link #main} (the platform).
 */
public final class KafkaNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Properties properties;
    private KafkaRaftServer server;

    public KafkaNode(Properties properties) {
        this.properties = properties;
    }

    /**
     * The settings of a one-node cluster: every internal topic has one replica, and consumer groups
     * rebalance at once instead of waiting for more members that will never come.
     */
    public static Properties singleNodeProperties(Path logDir, String host, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    public synchronized KafkaNode start() {
        if (server != null) {
            return this;
        }
        formatStorageIfNeeded(properties);
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        started.startup();
        server = started;
        return this;
    }

    public String bootstrapServers() {
        String advertised = properties.getProperty("advertised.listeners");
        return advertised.substring(advertised.indexOf("://") + 3);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Formats the log directory once, as {@code kafka-storage.sh format} does; later starts reuse it. */
    static void formatStorageIfNeeded(Properties properties) {
        String logDir = properties.getProperty("log.dirs").split(",")[0];
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return;
        }
        try (PrintStream quiet = new PrintStream(PrintStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(Integer.parseInt(properties.getProperty("node.id")))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(properties.getProperty("controller.listener.names"))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** Runs the server as a process of its own: {@code KafkaNode server.properties}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: KafkaNode <server.properties>");
            System.exit(2);
        }
        KafkaNode node = new KafkaNode(load(Path.of(args[0])));
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-shutdown"));
        LOG.info("Kafka broker ready: bootstrap servers {}", node.bootstrapServers());
        node.server.awaitShutdown();
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka configuration " + file, e);
        }
        return p;
    }
}
