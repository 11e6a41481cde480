package io.rtdp.query.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A live source as served, and the only statements the service sends about it: identifiers come
 * from the configuration (checked to be plain identifiers, so back-ticks quote them safely), the
 * key only as the literal its {@link KeyType} makes, times only as epoch milliseconds.
 */
public record LiveSource(String name, String source, LiveSourceConfiguration.Kind kind, String key, KeyType keyType,
        boolean windowed, Set<String> roles, String description) {
    public LiveSource {
        roles = Set.copyOf(roles);
    }

    public static Map<String, LiveSource> of(Map<String, LiveSourceConfiguration> configured) {
        Map<String, LiveSource> sources = new LinkedHashMap<>();
        configured.forEach((name, config) -> sources.put(name, new LiveSource(name, config.source(), config.kind(),
                config.key(), config.keyType(), config.windowed(), Set.copyOf(config.roles()), config.description())));
        return sources;
    }

    public boolean isTable() {
        return kind == LiveSourceConfiguration.Kind.TABLE;
    }

    /** The pull query of one key: its row, or its windows starting in [from, to). */
    String lookup(String keyText, Optional<Instant> from, Optional<Instant> to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM `").append(source).append("` WHERE `").append(key)
                .append("` = ").append(keyType.literal(keyText));
        from.ifPresent(start -> sql.append(" AND WINDOWSTART >= ").append(start.toEpochMilli()));
        to.ifPresent(end -> sql.append(" AND WINDOWSTART < ").append(end.toEpochMilli()));
        return sql.append(';').toString();
    }

    /** The push query of every change, or of one key's. */
    String changes(Optional<String> keyText) {
        StringBuilder sql = new StringBuilder("SELECT * FROM `").append(source).append('`');
        keyText.ifPresent(text -> sql.append(" WHERE `").append(key).append("` = ").append(keyType.literal(text)));
        return sql.append(" EMIT CHANGES;").toString();
    }
}
