package io.rtdp.ksql.migrations;

import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.statements.ClientStatements;
import io.rtdp.ksql.client.statements.IncompleteStatementException;
import io.rtdp.ksql.client.statements.StatementSplitter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** info, validate and apply over one migrations directory and one KSQL server. */
final class Migrator {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

  private final KsqlClient client;
  private final List<Migration> migrations;
  private final MigrationHistory history;
  private final PrintStream out;

  Migrator(KsqlClient client, List<Migration> migrations, PrintStream out, Duration recordTimeout) {
    this.client = client;
    this.migrations = migrations;
    this.history = new MigrationHistory(client, recordTimeout);
    this.out = out;
  }

  /** Prints every version, in files or in the record, with its state. */
  void info() {
    history.initialize();
    Map<Integer, AppliedVersion> applied = history.read();
    out.printf("%-8s %-32s %-10s %-24s %s%n", "Version", "Name", "State", "Completed on", "Checksum");
    for (Migration m : migrations) {
      AppliedVersion a = applied.get(m.version());
      String checksum = a == null ? "" : a.checksum().equals(m.checksum()) ? "matches" : "CHANGED since applied";
      out.printf("V%06d  %-32s %-10s %-24s %s%n", m.version(), m.name(), a == null ? "PENDING" : a.state(),
          a == null || a.completedOn() == null ? "" : a.completedOn(), checksum);
    }
    applied.values().stream().filter(a -> migrations.stream().noneMatch(m -> m.version() == a.version()))
        .forEach(a -> out.printf("V%06d  %-32s %-10s %-24s %s%n", a.version(), a.name(), a.state(),
            a.completedOn() == null ? "" : a.completedOn(), "FILE MISSING"));
  }

  /** Every applied version still has its file, unchanged; throws naming each difference. */
  void validate() {
    history.initialize();
    List<String> problems = problems(history.read());
    if (!problems.isEmpty()) {
      throw new MigrationException("The migrations directory does not match what was applied:\n  "
          + String.join("\n  ", problems));
    }
    out.println("Validated " + migrations.size() + " migration files against the record: they match.");
  }

  /** Applies the pending versions in order, up to {@code until} (all when null); returns how many. */
  int apply(Integer until) {
    history.initialize();
    Map<Integer, AppliedVersion> applied = history.read();
    List<String> problems = problems(applied);
    if (!problems.isEmpty()) {
      throw new MigrationException("Nothing applied: the directory does not match what was applied before:\n  "
          + String.join("\n  ", problems));
    }
    Integer previous = applied.values().stream().filter(AppliedVersion::migrated).map(AppliedVersion::version)
        .max(Integer::compare).orElse(null);
    int count = 0;
    for (Migration m : migrations) {
      AppliedVersion a = applied.get(m.version());
      if ((a != null && a.migrated()) || (until != null && m.version() > until)) {
        continue;
      }
      apply(m, previous);
      previous = m.version();
      count++;
    }
    out.println(count == 0 ? "Nothing to apply: every migration is applied." : "Applied " + count + " migration(s).");
    return count;
  }

  private void apply(Migration m, Integer previous) {
    String started = Instant.now().toString();
    String prev = previous == null ? null : Integer.toString(previous);
    history.record(new AppliedVersion(m.version(), m.name(), AppliedVersion.RUNNING, m.checksum(), started, null,
        prev, null));
    out.printf("Applying V%06d %s ...%n", m.version(), m.name());
    try {
      int statements = run(m);
      history.record(new AppliedVersion(m.version(), m.name(), AppliedVersion.MIGRATED, m.checksum(), started,
          Instant.now().toString(), prev, null));
      history.await(m.version(), AppliedVersion.MIGRATED);
      out.printf("Applied V%06d %s (%d statements)%n", m.version(), m.name(), statements);
    } catch (MigrationException | KsqlServerException e) {
      String reason = e instanceof KsqlServerException k ? k.getMessage() + " (statement: " + k.request().strip() + ")"
          : e.getMessage();
      history.record(new AppliedVersion(m.version(), m.name(), AppliedVersion.ERROR, m.checksum(), started, null,
          prev, reason));
      throw new MigrationException("V" + String.format("%06d", m.version()) + " " + m.name() + " ("
          + m.file().getFileName() + ") failed: " + reason + "\nFix the file and run apply again; later versions"
          + " were not applied.", e);
    }
  }

  /**
   * Sends each statement by itself, without the file's comments; SET/UNSET and DEFINE/UNDEFINE act
   * on the statements after them.
   */
  private int run(Migration m) {
    Map<String, Object> properties = new HashMap<>();
    Map<String, String> variables = new HashMap<>();
    int sent = 0;
    for (String statement : statements(m)) {
      Optional<ClientStatements.Assignment> set = ClientStatements.set(statement);
      Optional<String> unset = ClientStatements.unset(statement);
      Optional<ClientStatements.Assignment> define = ClientStatements.define(statement);
      Optional<String> undefine = ClientStatements.undefine(statement);
      if (set.isPresent()) {
        properties.put(set.get().name(), set.get().value());
      } else if (unset.isPresent()) {
        properties.remove(unset.get());
      } else if (define.isPresent()) {
        variables.put(define.get().name().toLowerCase(Locale.ROOT), define.get().value());
      } else if (undefine.isPresent()) {
        variables.remove(undefine.get().toLowerCase(Locale.ROOT));
      } else {
        client.execute(substitute(statement, variables), properties);
        sent++;
      }
    }
    return sent;
  }

  private static List<String> statements(Migration m) {
    try {
      return StatementSplitter.splitWhole(m.text()).stream().map(StatementSplitter::withoutComments).toList();
    } catch (IncompleteStatementException e) {
      throw new MigrationException(e.getMessage(), e);
    }
  }

  private static String substitute(String statement, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(statement);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1).toLowerCase(Locale.ROOT));
      if (value == null) {
        throw new MigrationException("Variable ${" + m.group(1) + "} is not defined; add DEFINE " + m.group(1)
            + " = '…'; before it.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private List<String> problems(Map<Integer, AppliedVersion> applied) {
    List<String> problems = new ArrayList<>();
    for (AppliedVersion a : applied.values()) {
      if (!a.migrated()) {
        continue;
      }
      Migration file = migrations.stream().filter(m -> m.version() == a.version()).findFirst().orElse(null);
      if (file == null) {
        problems.add(String.format("V%06d %s was applied but its file is gone", a.version(), a.name()));
      } else if (!file.checksum().equals(a.checksum())) {
        problems.add(String.format("V%06d %s changed since it was applied (checksum %s, applied %s): add a new"
            + " version instead of editing an applied one", a.version(), file.file().getFileName(), file.checksum(),
            a.checksum()));
      }
    }
    return problems;
  }
}
