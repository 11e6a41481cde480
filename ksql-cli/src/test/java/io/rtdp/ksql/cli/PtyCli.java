package io.rtdp.ksql.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The CLI as a person uses it: its own JVM started the way {@code ./rtdp ksql} starts it, on a real
 * pseudo-terminal (util-linux {@code script}), so that JLine, the line discipline and Ctrl-C (the
 * {@code ^C} byte becomes SIGINT) behave as at a keyboard. Text is read back without ANSI escapes.
 */
final class PtyCli implements AutoCloseable {
  static final String CTRL_C = "\u0003";
  static final String CTRL_D = "\u0004";
  static final String TAB = "\t";
  /** The up arrow as a terminal in keypad-transmit mode sends it (JLine switches xterm to that mode). */
  static final String UP = "\u001bOA";
  static final String ENTER = "\r";

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?>=]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]|\r");

  private final Process process;
  private final OutputStream keys;
  private final StringBuffer screen = new StringBuffer();
  private int seen;

  private PtyCli(Process process) {
    this.process = process;
    this.keys = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = process.getInputStream()) {
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
          screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // The process ended; what it printed is in the buffer.
      }
    }, "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code ksql SERVER_URL} with {@code home} as the user's home (where the history file goes). */
  static PtyCli start(String serverUrl, Path home) throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String classpath = module.resolve("target/classes") + ":"
        + Files.readString(module.resolve("target/classpath.txt")).strip();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A fixed window size: a pty made by script from a pipe would have none.
    String command = "stty cols 160 rows 50; exec " + java + " -XX:TieredStopAtLevel=1 -Duser.home="
        + home + " -cp " + classpath + " io.rtdp.ksql.cli.KsqlCli " + serverUrl;
    ProcessBuilder builder = new ProcessBuilder(List.of("script", "-q", "-e", "-c", command, "/dev/null"))
        .redirectErrorStream(true);
    builder.environment().put("TERM", "xterm-256color");
    return new PtyCli(builder.start());
  }

  /** Types these keys. */
  PtyCli type(String keys) throws IOException {
    this.keys.write(keys.getBytes(StandardCharsets.UTF_8));
    this.keys.flush();
    return this;
  }

  /** Types a line and Enter. */
  PtyCli line(String text) throws IOException {
    return type(text + ENTER);
  }

  /** Waits until the text appears after what earlier calls already consumed, and consumes up to its end. */
  String expect(String text) {
    return expect(text, Duration.ofSeconds(60));
  }

  String expect(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String plain = plain();
      int at = plain.indexOf(text, seen);
      if (at >= 0) {
        String passed = plain.substring(seen, at + text.length());
        seen = at + text.length();
        return passed;
      }
      if (!process.isAlive() && plain.indexOf(text, seen) < 0) {
        break;
      }
      sleep();
    }
    return fail("did not see \"" + text + "\" within " + timeout + "; the CLI showed after the last match:\n"
        + plain().substring(Math.min(seen, plain().length())));
  }

  /** Everything shown so far, without terminal escapes. */
  String plain() {
    return ANSI.matcher(screen.toString()).replaceAll("");
  }

  boolean alive() {
    return process.isAlive();
  }

  int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("the CLI did not exit within " + timeout + "; it showed:\n" + plain());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
