package io.rtdp.embedded.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;

/**
 * An Apache Kafka Connect worker in distributed mode. In-process through {@link #start}; the
 * platform runs Kafka's own {@code ConnectDistributed} main with {@link #workerProperties}.
 */
public final class ConnectNode implements AutoCloseable {
    private final Map<String, String> properties;
    private Connect<?> connect;

    public ConnectNode(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /**
     * A worker whose internal topics have one replica (one broker), that finds plugins through their
     * service manifests (seconds to start instead of a full scan), and lets connectors override
     * their client settings (the JDBC sink's batch size needs {@code max.poll.records}).
     */
    public static Map<String, String> workerProperties(String bootstrapServers, String restHost, int restPort,
                                                       String groupId, List<Path> pluginPath) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", groupId);
        p.put("listeners", "http://" + restHost + ":" + restPort);
        p.put("rest.advertised.host.name", restHost);
        p.put("rest.advertised.port", Integer.toString(restPort));
        p.put("config.storage.topic", groupId + "-configs");
        p.put("offset.storage.topic", groupId + "-offsets");
        p.put("status.storage.topic", groupId + "-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("plugin.path", pluginPath.stream().map(d -> d.toAbsolutePath().toString()).collect(Collectors.joining(",")));
        p.put("plugin.discovery", "service_load");
        p.put("connector.client.config.override.policy", "All");
        p.put("offset.flush.interval.ms", "1000");
        p.put("scheduled.rebalance.max.delay.ms", "0");
        return p;
    }

    public synchronized ConnectNode start() {
        if (connect == null) {
            connect = new ConnectDistributed().startConnect(properties);
        }
        return this;
    }

    public String restUrl() {
        return connect.rest().advertisedUrl().toString().replaceAll("/$", "");
    }

    @Override
    public synchronized void close() {
        if (connect != null) {
            connect.stop();
            connect.awaitStop();
            connect = null;
        }
    }
}
