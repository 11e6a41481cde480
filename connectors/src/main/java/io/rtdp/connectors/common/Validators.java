package io.rtdp.connectors.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** ConfigDef validators whose messages tell the operator what a valid value looks like. */
public final class Validators {
    private Validators() {
    }

    /** Empty, or an ISO-8601 instant such as 2026-01-01T00:00:00Z. */
    public static ConfigDef.Validator optionalInstant() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String s = value == null ? "" : value.toString().trim();
                if (s.isEmpty()) {
                    return;
                }
                try {
                    Instant.parse(s);
                } catch (DateTimeParseException e) {
                    throw new ConfigException(name, value, "not an ISO-8601 instant; write it like 2026-01-01T00:00:00Z, or leave it empty for the time the connector starts");
                }
            }

            @Override
            public String toString() {
                return "empty or an ISO-8601 instant (2026-01-01T00:00:00Z)";
            }
        };
    }

    /** A share between 0 and 1 inclusive. */
    public static ConfigDef.Validator ratio() {
        return ConfigDef.Range.between(0.0, 1.0);
    }
}
