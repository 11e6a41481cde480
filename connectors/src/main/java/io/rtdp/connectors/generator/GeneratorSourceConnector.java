package io.rtdp.connectors.generator;

import java.math.BigDecimal;
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
import io.rtdp.connectors.common.SettingException;
import io.rtdp.connectors.common.Version;

/**
 * Generates realistic events (IoT readings, commerce orders and payments, or any Avro schema) at a
 * chosen rate, repeatably from a seed, resuming after a restart exactly where it stopped.
 */
public final class GeneratorSourceConnector extends SourceConnector {
    private Map<String, String> props;
    private GeneratorConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ConfigDef config() {
        return GeneratorConfig.CONFIG_DEF;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new GeneratorConfig(props);
        // Validation ran on the worker that took the request; this one may lack avro.schema.file.
        EventModels.of(config);
        checkEventTimeShares(config);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GeneratorSourceTask.class;
    }

    /**
     * Each task owns the sequence numbers equal to its index modulo the task count, and the keys the
     * same way: never more tasks than keys, or than events when the count is bounded.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        long tasks = Math.min(maxTasks, config.keys());
        if (config.count() > 0) {
            tasks = Math.min(tasks, config.count());
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(GeneratorConfig.TASK_INDEX, Integer.toString(i));
            task.put(GeneratorConfig.TASK_COUNT, Long.toString(tasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release: the connector only plans tasks.
    }

    /** The per-key checks of the ConfigDef, plus those that need several keys, each reported on the key to change. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean parsed = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!parsed) {
            return result;
        }
        GeneratorConfig candidate = new GeneratorConfig(connectorConfigs);
        try {
            EventModels.of(candidate);
        } catch (SettingException e) {
            ConfigErrors.add(result, e.key(), e.getMessage());
        }
        try {
            checkEventTimeShares(candidate);
        } catch (SettingException e) {
            ConfigErrors.add(result, e.key(), e.getMessage());
        }
        return result;
    }

    /** Tasks write everything they generate from their offsets, so a transaction per batch makes it exactly once. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    private static void checkEventTimeShares(GeneratorConfig config) {
        double late = config.getDouble(GeneratorConfig.LATE_RATIO);
        double outOfOrder = config.getDouble(GeneratorConfig.OUT_OF_ORDER_RATIO);
        if (late + outOfOrder > 1.0) {
            String sum = BigDecimal.valueOf(late).add(BigDecimal.valueOf(outOfOrder)).stripTrailingZeros().toPlainString();
            throw new SettingException(GeneratorConfig.LATE_RATIO, late, "event.time.late.ratio + event.time.out.of.order.ratio is "
                    + sum + ", more than all events; lower one of them so that they add up to 1 or less");
        }
    }
}
