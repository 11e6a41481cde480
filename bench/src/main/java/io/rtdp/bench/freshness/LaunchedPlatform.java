package io.rtdp.bench.freshness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rtdp.embedded.net.Ports;

/**
 * The whole platform as {@code ./rtdp up -d} starts it (the launcher's own main, in a JVM of its
 * own, the shipped pipelines applied), in a data directory of its own and on free ports, so that
 * the benchmark measures what users run; the generators stay off, the benchmark writes the load.
 */
final class LaunchedPlatform implements AutoCloseable {
    private final Path home;
    private final Path dataDir;
    private final List<String> settings = new ArrayList<>();
    private final String statusTable;

    LaunchedPlatform(Path home, Path dataDir) throws IOException, InterruptedException {
        this.home = home;
        this.dataDir = dataDir;
        for (String port : List.of("kafka.port", "kafka.controller-port", "schema-registry.port", "connect.port", "postgres.port",
                "query-service.port", "query-service.admin-port", "ksql-server.port", "pipelines.ingest-port")) {
            settings.add(port + "=" + Ports.free());
        }
        settings.add("pipelines.generators=false");
        String up = run("up", "-d");
        if (!up.contains("Try next:")) {
            close();
            throw new IllegalStateException("./rtdp up did not finish with the pipelines applied:\n" + up);
        }
        statusTable = up;
    }

    /** A server's URL from the status table that {@code up} printed. */
    String url(String server) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(server) + " +(\\S+) ").matcher(statusTable);
        if (!m.find()) {
            throw new IllegalStateException("no row for " + server + " in\n" + statusTable);
        }
        return m.group(1);
    }

    private String run(String command, String... extra) throws IOException, InterruptedException {
        Path platform = home.resolve("platform").resolve("target");
        Path classpath = platform.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException("the platform module is not built (no " + classpath + "): run mvn -DskipTests install");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drtdp.home=" + home, "-cp", platform.resolve("classes") + ":" + Files.readString(classpath).trim(),
                "io.rtdp.platform.Rtdp", command, "--data-dir", dataDir.toString()));
        for (String s : settings) {
            cmd.add("--set");
            cmd.add(s);
        }
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("./rtdp " + command + " did not finish within 10 minutes");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down");
    }
}
