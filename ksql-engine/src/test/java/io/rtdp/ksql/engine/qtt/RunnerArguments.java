package io.rtdp.ksql.engine.qtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The command line of the conformance runners ({@link QttMain}, ksql-server's RqttMain):
 * {@code [PATH] [--write-passing FILE]}; {@code writePassing} is null without the option.
 */
public record RunnerArguments(Path path, Path writePassing) {
  /** Without PATH, {@code defaultPath}; a PATH that does not exist ends the JVM with status 2, naming it. */
  public static RunnerArguments parse(String[] args, Supplier<Path> defaultPath, String corpusName) {
    Path path = null;
    Path writePassing = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--write-passing") && i + 1 < args.length) {
        writePassing = Path.of(args[++i]);
      } else {
        path = Path.of(args[i]);
      }
    }
    if (path == null) {
      path = defaultPath.get();
    }
    if (!Files.exists(path)) {
      System.err.println("No " + corpusName + " files at " + path);
      System.exit(2);
    }
    return new RunnerArguments(path, writePassing);
  }

  /** With {@code --write-passing FILE}, writes the names of the cases that passed to FILE, one a line. */
  public void writePassing(ConformanceSummary summary) throws IOException {
    if (writePassing != null) {
      Files.write(writePassing, summary.passing());
    }
  }
}
