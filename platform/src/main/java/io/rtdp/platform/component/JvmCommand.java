package io.rtdp.platform.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of a server that runs in a JVM of its own. */
public final class JvmCommand {
    private JvmCommand() {
    }

    /**
     * Runs {@code mainClass} on the launcher's own classpath: the broker and the Connect worker come
     * from one Kafka line, as Apache Kafka's own distribution runs both from one {@code libs/}.
     */
    static List<String> onLauncherClasspath(String jvmOptions, String mainClass, String... args) {
        return java(jvmOptions, List.of("-Dlog4j2.configurationFile=classpath:rtdp-server-log4j2.xml"),
                System.getProperty("java.class.path"), mainClass, args);
    }

    /**
     * Runs {@code mainClass} on the runtime classpath of one module of the build (its
     * {@code target/classes} and the {@code target/classpath.txt} the build writes), so that servers
     * with other Jetty/Jersey/Jackson lines than Kafka's never share a classpath with it.
     */
    public static List<String> onModuleClasspath(Path home, String module, String jvmOptions, String mainClass, String... args) {
        Path target = home.resolve(module).resolve("target");
        String dependencies;
        try {
            dependencies = Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("module " + module + " is not built (no " + target.resolve("classpath.txt")
                    + "): run mvn -DskipTests install, or ./rtdp up which builds what is missing", e);
        }
        return java(jvmOptions, List.of(), target.resolve("classes") + ":" + dependencies, mainClass, args);
    }

    private static List<String> java(String jvmOptions, List<String> properties, String classpath, String mainClass,
                                     String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(properties);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
