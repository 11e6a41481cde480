package io.rtdp.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.rtdp.platform.config.DataDir;
import io.rtdp.platform.config.Settings;
import io.rtdp.platform.run.Platform;
import picocli.CommandLine.Option;

/** The options every subcommand that touches a platform takes. */
final class PlatformOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the platform keeps its data, logs and state (default: $RTDP_DATA_DIR or ./.rtdp).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./rtdp.yaml when present). Keys: see the launcher's rtdp-defaults.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one setting, e.g. --set kafka.port=19092.")
    List<String> overrides = new ArrayList<>();

    DataDir dataDir() {
        if (dataDir != null) {
            return new DataDir(dataDir);
        }
        String env = System.getenv("RTDP_DATA_DIR");
        return new DataDir(Path.of(env == null || env.isBlank() ? ".rtdp" : env));
    }

    Settings settings() {
        Path file = config;
        if (file == null && Files.exists(Path.of("rtdp.yaml"))) {
            file = Path.of("rtdp.yaml");
        }
        if (file != null && !Files.exists(file)) {
            throw new IllegalArgumentException("settings file " + file + " does not exist");
        }
        return Settings.load(file, System.getenv(), overrides);
    }

    Platform platform() {
        return new Platform(home(), dataDir(), System.out);
    }

    /** The rtdp installation: set by the ./rtdp script. */
    static Path home() {
        String home = System.getProperty("rtdp.home");
        if (home == null) {
            throw new IllegalStateException("rtdp.home is not set: run the launcher through ./rtdp");
        }
        return Path.of(home);
    }
}
