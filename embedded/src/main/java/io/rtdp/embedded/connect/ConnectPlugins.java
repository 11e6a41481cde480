package io.rtdp.embedded.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build assembles the Connect plugins that the platform ships. Every module that ships
 * plugins puts them in {@code <module>/target/connect-plugins/<plugin>/} (one directory of jars per
 * plugin, as Connect's {@code plugin.path} expects); the worker gets all those directories.
 */
public final class ConnectPlugins {
    static final Path MODULE_OUTPUT = Path.of("target", "connect-plugins");

    private ConnectPlugins() {
    }

    /** The plugin directories of the build rooted at {@code projectRoot}; fails with the fix when not built. */
    public static List<Path> under(Path projectRoot) {
        List<Path> dirs;
        try (Stream<Path> modules = Files.list(projectRoot)) {
            dirs = modules.map(m -> m.resolve(MODULE_OUTPUT)).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the modules of " + projectRoot, e);
        }
        if (dirs.isEmpty()) {
            throw new IllegalStateException("no Connect plugins under " + projectRoot + "/*/" + MODULE_OUTPUT
                    + ": build them first (mvn -DskipTests install, or ./rtdp up which builds what is missing)");
        }
        return dirs;
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
