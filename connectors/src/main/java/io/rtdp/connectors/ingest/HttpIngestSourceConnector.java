package io.rtdp.connectors.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import io.rtdp.connectors.common.ConfigErrors;
import io.rtdp.connectors.common.Version;

/**
 * Receives JSON events over HTTP (one object, an array, or NDJSON) and writes them to the topic of
 * the request's path, answering 202 only once Kafka has them. Each task serves its own port.
 */
public final class HttpIngestSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ConfigDef config() {
        return HttpIngestConfig.CONFIG_DEF;
    }

    @Override
    public void start(Map<String, String> props) {
        new HttpIngestConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HttpIngestSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(HttpIngestConfig.TASK_INDEX, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release: the tasks own the servers.
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        if (ConfigErrors.valid(result, HttpIngestConfig.PORT)) {
            int port = Integer.parseInt(connectorConfigs.get(HttpIngestConfig.PORT).trim());
            int tasks = parseTasks(connectorConfigs.get("tasks.max"));
            if (port + tasks - 1 > 65535) {
                ConfigErrors.add(result, HttpIngestConfig.PORT, "task N listens on http.port + N: with tasks.max=" + tasks
                        + " the last port would be " + (port + tasks - 1) + ", over 65535; lower http.port or tasks.max");
            }
        }
        return result;
    }

    /**
     * An HTTP request cannot be read again after a failure, so a client that did not get its 202
     * retries, and a retry after a lost answer writes twice: at least once, never exactly once.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }

    private static int parseTasks(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1; // the worker reports tasks.max itself
        }
    }
}
