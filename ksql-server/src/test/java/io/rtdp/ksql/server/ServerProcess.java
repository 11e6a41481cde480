package io.rtdp.ksql.server;

import static org.awaitility.Awaitility.await;

import io.rtdp.embedded.net.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A KSQL server in a JVM of its own ({@link KsqlServerMain} with a properties file), so that a test
 * can kill it the way a machine or process dies: SIGKILL, no commit, no goodbye to the consumer
 * groups, open transactions left dangling.
 */
final class ServerProcess implements AutoCloseable {
  private static final String READY = "KSQL server ready at ";

  private final Process process;
  private final Path log;
  private final String url;

  private ServerProcess(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** Starts the server with these settings (its listener chosen here); see {@link #awaitReady}. */
  static ServerProcess launch(Map<String, String> config) throws IOException {
    Path dir = Files.createTempDirectory("ksql-server-process");
    String url = "http://127.0.0.1:" + Ports.free();
    Map<String, String> settings = new HashMap<>(config);
    settings.put("listeners", url);
    Properties properties = new Properties();
    properties.putAll(settings);
    Path file = dir.resolve("ksql-server.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, null);
    }
    Path log = dir.resolve("server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        KsqlServerMain.class.getName(), file.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    return new ServerProcess(process, log, url);
  }

  /** Waits until the server logged that it is ready; fails with its log if it exited instead. */
  ServerProcess awaitReady(Duration timeout) throws IOException {
    await().atMost(timeout).until(() -> !process.isAlive() || log().contains(READY));
    if (!process.isAlive()) {
      throw new AssertionError("The server process exited with " + process.exitValue() + ":\n" + log());
    }
    return this;
  }

  String url() {
    return url;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("The server process did not die within 30 s of SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
