package io.rtdp.embedded.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the build assembles the Connect plugins that the platform ships (the {@code connect-plugins}
 * module): one directory per plugin below it, as Connect's {@code plugin.path} expects.
 */
public final class ConnectPlugins {
    private static final Path RELATIVE = Path.of("connect-plugins", "target", "plugins");

    private ConnectPlugins() {
    }

    /** The plugin directories of the build rooted at {@code projectRoot}; fails with the fix when not built. */
    public static List<Path> under(Path projectRoot) {
        Path dir = projectRoot.resolve(RELATIVE);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no Connect plugins at " + dir
                    + ": build them first (mvn -DskipTests install, or ./rtdp up which builds what is missing)");
        }
        return List.of(dir);
    }

    /** The project root above {@code start}: the first directory that holds the plugin module. */
    public static Path projectRootAbove(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("connect-plugins").resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the rtdp project: no connect-plugins/pom.xml above " + start.toAbsolutePath());
    }
}
