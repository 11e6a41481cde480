package io.rtdp.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
