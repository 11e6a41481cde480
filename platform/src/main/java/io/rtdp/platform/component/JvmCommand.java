package io.rtdp.platform.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of a server that runs in a JVM of its own. */
final class JvmCommand {
    private JvmCommand() {
    }

    /**
     * Runs {@code mainClass} on the launcher's own classpath: the broker and the Connect worker come
     * from one Kafka line, as Apache Kafka's own distribution runs both from one {@code libs/}.
     */
    static List<String> onLauncherClasspath(String jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-Dlog4j2.configurationFile=classpath:rtdp-server-log4j2.xml");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
