package io.rtdp.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.rtdp.embedded.net.Ports;

/** Runs the launcher as ./rtdp does: a JVM of its own on the module's runtime classpath. */
final class Launcher {
    record Result(int exitCode, String output) {
    }

    private final Path dataDir;
    private final List<String> settings;

    Launcher(Path dataDir, List<String> settings) {
        this.dataDir = dataDir;
        this.settings = settings;
    }

    /** A launcher whose servers all listen on free ports, with these settings besides. */
    static Launcher onFreePorts(Path dataDir, String... settings) {
        List<String> all = new ArrayList<>(List.of(
                "kafka.port=" + Ports.free(), "kafka.controller-port=" + Ports.free(), "schema-registry.port=" + Ports.free(),
                "connect.port=" + Ports.free(), "postgres.port=" + Ports.free(),
                "query-service.port=" + Ports.free(), "query-service.admin-port=" + Ports.free(),
                "ksql-server.port=" + Ports.free(), "pipelines.ingest-port=" + Ports.free()));
        all.addAll(List.of(settings));
        return new Launcher(dataDir, all);
    }

    Result run(String command, String... extra) throws IOException, InterruptedException {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        String classpath = moduleDir.resolve("target/classes") + ":"
                + Files.readString(moduleDir.resolve("target/classpath.txt")).trim();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drtdp.home=" + moduleDir.getParent(), "-cp", classpath, Rtdp.class.getName(),
                command, "--data-dir", dataDir.toString()));
        for (String s : settings) {
            cmd.add("--set");
            cmd.add(s);
        }
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("./rtdp " + command + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
