package io.rtdp.ksql.engine.qtt;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QTT conformance runner: {@code QttMain [PATH] [--write-passing FILE]}. Prints per file
 * {@code passed / failed / unsupported} with a one-line reason per non-passing case, then
 * {@code N passed, M failed, K skipped}. The exit status is 0 after a complete run (failing cases
 * are reported, not fatal: the ratchet test guards regressions) and 2 when PATH does not exist.
 */
public final class QttMain {
  private QttMain() {}

  public static void main(String[] args) throws IOException {
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
      path = QttCorpus.defaultPath();
    }
    if (!Files.exists(path)) {
      System.err.println("No QTT files at " + path);
      System.exit(2);
    }
    Summary summary = run(path, System.out);
    System.out.println(summary.passed + " passed, " + summary.failed + " failed, " + summary.skipped + " skipped");
    if (writePassing != null) {
      Files.write(writePassing, summary.passingNames.stream()
          .filter(n -> !summary.notPassingNames.contains(n)).distinct().toList());
    }
  }

  static final class Summary {
    int passed;
    int failed;
    int skipped;
    final List<String> passingNames = new ArrayList<>();
    final java.util.Set<String> notPassingNames = new java.util.HashSet<>();
  }

  static Summary run(Path path, PrintStream out) throws IOException {
    QttRunner runner = new QttRunner(TestFunctions.registry());
    Summary summary = new Summary();
    for (Path file : QttCorpus.files(path)) {
      List<QttCase> cases;
      try {
        cases = QttLoader.load(file);
      } catch (IOException e) {
        out.println(file.getFileName() + ": cannot be read: " + e.getMessage());
        summary.failed++;
        continue;
      }
      int passed = 0;
      int failed = 0;
      int unsupported = 0;
      List<String> reasons = new ArrayList<>();
      for (QttCase c : cases) {
        Outcome o = runSafely(runner, c);
        switch (o.status()) {
          case PASSED -> {
            passed++;
            summary.passingNames.add(c.fullName());
          }
          case FAILED -> {
            failed++;
            summary.notPassingNames.add(c.fullName());
            reasons.add("  FAILED " + c.name() + ": " + o.reason());
          }
          case UNSUPPORTED -> {
            unsupported++;
            summary.notPassingNames.add(c.fullName());
            reasons.add("  UNSUPPORTED " + c.name() + ": " + o.reason());
          }
        }
      }
      out.println(file.getFileName() + ": " + passed + " passed / " + failed + " failed / " + unsupported + " unsupported");
      reasons.forEach(out::println);
      summary.passed += passed;
      summary.failed += failed;
      summary.skipped += unsupported;
    }
    return summary;
  }

  /** A crash of one case (an engine bug) is that case's failure, not the end of the run. */
  static Outcome runSafely(QttRunner runner, QttCase c) {
    try {
      return runner.run(c);
    } catch (RuntimeException | StackOverflowError e) {
      return Outcome.failed("engine crashed: " + e);
    }
  }
}
