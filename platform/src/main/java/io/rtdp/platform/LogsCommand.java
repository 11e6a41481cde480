package io.rtdp.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.rtdp.embedded.process.LogFiles;
import io.rtdp.platform.config.DataDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = "Shows the last lines of the components' logs (<data-dir>/logs/<component>.log).")
final class LogsCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Parameters(arity = "0..1", paramLabel = "COMPONENT", description = "kafka, postgres, connect, ... (default: all)")
    String component;

    @Option(names = {"-n", "--lines"}, description = "How many lines of each log (default: ${DEFAULT-VALUE}).")
    int lines = 50;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DataDir dataDir = options.dataDir();
        Map<String, Path> logs = logs(dataDir);
        if (logs.isEmpty()) {
            System.out.println("No logs under " + dataDir.logs() + " yet: start the platform with ./rtdp up");
            return 1;
        }
        if (component != null) {
            Path log = logs.get(component);
            if (log == null) {
                System.out.println("No log for '" + component + "'. Logs there are: " + String.join(", ", logs.keySet()));
                return 1;
            }
            logs = Map.of(component, log);
        }
        boolean several = logs.size() > 1;
        for (Map.Entry<String, Path> e : logs.entrySet()) {
            if (several) {
                System.out.println("==> " + e.getValue() + " <==");
            }
            System.out.println(LogFiles.tail(e.getValue(), lines));
        }
        if (follow) {
            follow(logs, several);
        }
        return 0;
    }

    private static Map<String, Path> logs(DataDir dataDir) throws IOException {
        Map<String, Path> logs = new LinkedHashMap<>();
        if (Files.isDirectory(dataDir.logs())) {
            try (Stream<Path> files = Files.list(dataDir.logs())) {
                files.filter(p -> p.toString().endsWith(".log")).sorted()
                        .forEach(p -> logs.put(p.getFileName().toString().replaceFirst("\\.log$", ""), p));
            }
        }
        return logs;
    }

    private static void follow(Map<String, Path> logs, boolean prefix) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>(logs.keySet());
        long[] positions = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            positions[i] = Files.size(logs.get(names.get(i)));
        }
        while (true) {
            for (int i = 0; i < names.size(); i++) {
                Path log = logs.get(names.get(i));
                long size = Files.exists(log) ? Files.size(log) : 0;
                if (size < positions[i]) {
                    positions[i] = 0; // the log was truncated or replaced
                }
                if (size > positions[i]) {
                    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                        file.seek(positions[i]);
                        byte[] chunk = new byte[(int) Math.min(size - positions[i], 1 << 20)];
                        file.readFully(chunk);
                        positions[i] += chunk.length;
                        String text = new String(chunk, StandardCharsets.UTF_8);
                        System.out.print(prefix ? text.replaceAll("(?m)^(?=.)", names.get(i) + " | ") : text);
                        System.out.flush();
                    }
                }
            }
            Thread.sleep(300);
        }
    }
}
