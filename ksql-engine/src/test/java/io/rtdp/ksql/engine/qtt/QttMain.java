package io.rtdp.ksql.engine.qtt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
    RunnerArguments arguments = RunnerArguments.parse(args, QttCorpus::defaultPath, "QTT");
    ConformanceSummary summary = run(arguments.path(), System.out);
    System.out.println(summary.totals());
    arguments.writePassing(summary);
  }

  static ConformanceSummary run(Path path, PrintStream out) throws IOException {
    QttRunner runner = new QttRunner(TestFunctions.registry());
    ConformanceSummary summary = new ConformanceSummary("unsupported");
    for (Path file : QttCorpus.files(path)) {
      List<QttCase> cases;
      try {
        cases = QttLoader.load(file);
      } catch (IOException e) {
        summary.unreadable(file, e, out);
        continue;
      }
      ConformanceSummary.FileTally tally = summary.file(file);
      for (QttCase c : cases) {
        tally.record(c.fullName(), c.name(), runSafely(runner, c));
      }
      tally.print(out);
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
