package io.rtdp.connectors.common;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Adds the errors that involve several keys to the per-key results of Connector.validate, so that
 * PUT /connector-plugins/{class}/config/validate shows them next to the key to change.
 */
public final class ConfigErrors {
    private ConfigErrors() {
    }

    public static void add(Config config, String key, String message) {
        for (ConfigValue value : config.configValues()) {
            if (value.name().equals(key)) {
                value.addErrorMessage(message);
                return;
            }
        }
        throw new IllegalArgumentException("no config key " + key);
    }

    /** True when the key has no error yet, so that cross-key checks only run on values that parsed. */
    public static boolean valid(Config config, String key) {
        for (ConfigValue value : config.configValues()) {
            if (value.name().equals(key)) {
                return value.errorMessages().isEmpty();
            }
        }
        return false;
    }
}
