package io.rtdp.ksql.cli;

import io.rtdp.ksql.cli.input.LocalCommand;
import io.rtdp.ksql.cli.session.Outcome;
import io.rtdp.ksql.cli.session.StatementExecutor;
import io.rtdp.ksql.client.statements.StatementSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Non-interactive use ({@code -f}, {@code -e}, piped input): statements run one by one as soon as
 * their {@code ;} has been read, with no prompt; the first failure ends the run with exit code 1
 * unless the user asked to go on (then the exit code still tells that something failed).
 */
final class ScriptRunner {
  private final StatementExecutor executor;
  private final boolean continueOnError;

  ScriptRunner(StatementExecutor executor, boolean continueOnError) {
    this.executor = executor;
    this.continueOnError = continueOnError;
  }

  int run(Reader input) throws IOException {
    BufferedReader lines = new BufferedReader(input);
    StringBuilder pending = new StringBuilder();
    boolean failed = false;
    String line;
    while ((line = lines.readLine()) != null) {
      if (StatementSplitter.isBlank(pending.toString()) && LocalCommand.parse(line).isPresent()) {
        pending.setLength(0);
        Outcome outcome = executor.runEntry(line);
        if (outcome == Outcome.EXIT || (outcome == Outcome.FAILED && !continueOnError)) {
          return outcome == Outcome.EXIT && !failed ? 0 : 1;
        }
        failed |= outcome == Outcome.FAILED;
        continue;
      }
      pending.append(line).append('\n');
      StatementSplitter.Split split = StatementSplitter.split(pending.toString());
      for (String statement : split.statements()) {
        Outcome outcome = executor.run(statement);
        if (outcome == Outcome.EXIT || (outcome == Outcome.FAILED && !continueOnError)) {
          return outcome == Outcome.EXIT && !failed ? 0 : 1;
        }
        failed |= outcome == Outcome.FAILED;
      }
      pending.setLength(0);
      pending.append(split.remainder());
    }
    // A last statement without its ';' (typical of -e "SHOW STREAMS") is still meant to run.
    if (!StatementSplitter.isBlank(pending.toString())) {
      String last = pending.toString().strip() + ";";
      // Unless it ends in a line comment, which would swallow that ';'.
      if (StatementSplitter.split(last).statements().isEmpty()) {
        last = pending.toString().strip() + "\n;";
      }
      Outcome outcome = executor.run(last);
      failed |= outcome == Outcome.FAILED;
    }
    return failed ? 1 : 0;
  }
}
