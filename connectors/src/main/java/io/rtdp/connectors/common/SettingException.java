package io.rtdp.connectors.common;

import org.apache.kafka.common.config.ConfigException;

/** A bad configuration value, with the key to change, so that validation can report it on that key. */
public final class SettingException extends ConfigException {
    private final String key;

    public SettingException(String key, Object value, String message) {
        super(key, value, message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
