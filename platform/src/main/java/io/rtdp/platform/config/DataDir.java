package io.rtdp.platform.config;

import java.nio.file.Path;

/** Everything one platform keeps lives under one directory; several platforms use several. */
public record DataDir(Path root) {
    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path runState() {
        return root.resolve("run").resolve("state.json");
    }

    public Path of(String component) {
        return root.resolve(component);
    }
}
