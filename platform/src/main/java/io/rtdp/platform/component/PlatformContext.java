package io.rtdp.platform.component;

import java.nio.file.Path;

import io.rtdp.platform.config.DataDir;
import io.rtdp.platform.config.Settings;

/**
 * What every component is built from.
 *
 * @param home the rtdp installation (the repository root), where the build put its artifacts
 */
public record PlatformContext(Path home, DataDir dataDir, Settings settings) {
}
