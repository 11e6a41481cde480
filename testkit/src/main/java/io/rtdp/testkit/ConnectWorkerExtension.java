package io.rtdp.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;


import io.rtdp.embedded.connect.ConnectNode;
import io.rtdp.embedded.connect.ConnectPlugins;
import io.rtdp.embedded.net.Ports;

/**
 * A real Kafka Connect worker in distributed mode for one test class, against the given broker,
 * with its REST API on a free port and the plugins the build assembled on its {@code plugin.path}
 * (system property {@code rtdp.connect.plugin.path} overrides it, a comma-separated list).
 */
public final class ConnectWorkerExtension extends ServerExtension {
    private final KafkaBrokerExtension broker;
    private ConnectNode node;
    private ConnectRestClient rest;

    public ConnectWorkerExtension(KafkaBrokerExtension broker) {
        this.broker = broker;
    }

    @Override
    public synchronized ConnectWorkerExtension start() {
        if (node == null) {
            broker.start();
            String groupId = "rtdp-test-connect-" + Ports.free();
            node = new ConnectNode(ConnectNode.workerProperties(broker.bootstrapServers(), "127.0.0.1", Ports.free(),
                    groupId, pluginPath())).start();
            rest = new ConnectRestClient(node.restUrl());
            rest.awaitReady(Duration.ofSeconds(60));
        }
        return this;
    }

    @Override
    public synchronized void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    public String restUrl() {
        return rest().baseUrl();
    }

    public ConnectRestClient rest() {
        if (rest == null) {
            throw notStarted(ConnectWorkerExtension.class);
        }
        return rest;
    }

    static List<Path> pluginPath() {
        String override = System.getProperty("rtdp.connect.plugin.path");
        if (override != null && !override.isBlank()) {
            return Arrays.stream(override.split(",")).map(String::trim).map(Path::of).toList();
        }
        return ConnectPlugins.under(ConnectPlugins.projectRootAbove(Path.of(System.getProperty("user.dir"))));
    }
}
